package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The devnet's signers driven together, one cycle at a time, over the aggregator's HTTP API: each cycle reads
 * {@code /epoch-settings} once, then every signer registers if it has not yet for the next epoch, and signs each
 * open beacon it can sign. The beacons and their protocol messages come from the caller (the devnet runner hands
 * over the aggregator's open messages). Signers work in parallel on virtual threads; a failing signer does not stop
 * the others, its failure is reported.
 */
public final class SimulatedSignerFleet {
    private final List<SimulatedSigner> signers;
    private final AggregatorClient client;

    /** A beacon to sign: what the aggregator's open message certifies and its protocol message. */
    public record Beacon(SignedEntityType signedEntityType, ProtocolMessage protocolMessage) {
        public Beacon {
            Objects.requireNonNull(signedEntityType, "signedEntityType");
            Objects.requireNonNull(protocolMessage, "protocolMessage");
        }
    }

    /**
     * What one cycle did.
     *
     * @param epoch the aggregator's epoch read from {@code /epoch-settings}
     * @param registered registrations the aggregator accepted (201)
     * @param roundNotOpened registrations refused with 550 (retried next cycle)
     * @param signaturesSent signatures the aggregator took (201, 202 or 410)
     * @param failures one line per failing signer: party id and what went wrong
     */
    public record CycleReport(
            Epoch epoch, int registered, int roundNotOpened, int signaturesSent, List<String> failures) {
        public CycleReport {
            failures = List.copyOf(failures);
        }
    }

    public SimulatedSignerFleet(List<SimulatedSigner> signers, AggregatorClient client) {
        this.signers = List.copyOf(signers);
        this.client = Objects.requireNonNull(client, "client");
    }

    public List<SimulatedSigner> signers() {
        return signers;
    }

    /**
     * One cycle: read the epoch settings, register, sign {@code openBeacons}.
     *
     * @throws AggregatorClientException when the epoch settings cannot be read (nothing else is attempted)
     * @throws MessageFormatException when they cannot be parsed
     */
    public CycleReport cycle(List<Beacon> openBeacons) {
        EpochSettingsMessage settings = EpochSettingsMessage.parse(client.epochSettings());
        ProtocolParameters registrationParameters = settings.signerRegistrationProtocol()
                .orElseGet(() -> protocolParametersOf(settings.epoch().next()));
        restoreAfterRestart(settings);
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger roundNotOpened = new AtomicInteger();
        AtomicInteger signaturesSent = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>(signers.size());
            for (SimulatedSigner signer : signers) {
                tasks.add(executor.submit(() -> {
                    try {
                        if (register(signer, settings, registrationParameters)) {
                            registered.incrementAndGet();
                        }
                    } catch (AggregatorClientException.RegistrationRoundNotYetOpened e) {
                        roundNotOpened.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(signer.partyId() + ": registration: " + e.getMessage());
                    }
                    for (Beacon beacon : openBeacons) {
                        try {
                            var json = signer.prepareSignature(
                                    settings, beacon.signedEntityType(), beacon.protocolMessage());
                            if (json.isPresent()) {
                                client.registerSignature(json.get());
                                signaturesSent.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.add(signer.partyId() + ": signature of " + beacon.signedEntityType() + ": "
                                    + e.getMessage());
                        }
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevnetException("devnet signer cycle interrupted", e);
        } catch (ExecutionException e) {
            throw new DevnetException("devnet signer cycle failed: " + e.getCause(), e.getCause());
        }
        return new CycleReport(
                settings.epoch(), registered.get(), roundNotOpened.get(), signaturesSent.get(), failures);
    }

    /**
     * Signers listed among the current signers but holding no initializer for the previous epoch (the devnet
     * restarted) rebuild it from their key seeds, with that epoch's protocol parameters.
     */
    private void restoreAfterRestart(EpochSettingsMessage settings) {
        if (settings.epoch().value() == 0 || settings.currentSigners().isEmpty()) return;
        Epoch previous = settings.epoch().minus(1);
        ProtocolParameters parameters = null;
        for (SimulatedSigner signer : signers) {
            if (signer.hasInitializer(previous)) continue;
            String partyId = signer.partyId();
            if (settings.currentSigners().stream().noneMatch(s -> s.partyId().equals(partyId))) continue;
            if (parameters == null) parameters = protocolParametersOf(previous);
            signer.restore(previous, parameters);
        }
    }

    /** Upstream's order: send the registration, keep the initializer once the aggregator answered 201. */
    private boolean register(
            SimulatedSigner signer, EpochSettingsMessage settings, ProtocolParameters registrationParameters) {
        var registration = signer.prepareRegistration(settings, registrationParameters);
        if (registration.isEmpty()) {
            return false;
        }
        client.registerSigner(registration.get().json());
        signer.registered(registration.get());
        return true;
    }

    private ProtocolParameters protocolParametersOf(Epoch epoch) {
        String json = client.protocolConfiguration(epoch.value())
                .orElseThrow(
                        () -> new DevnetException("Missing network configuration for registration epoch " + epoch));
        var node = CertificateJson.parse(json).get("protocol_parameters");
        if (node == null) {
            throw new MessageFormatException("protocol configuration: missing field 'protocol_parameters'");
        }
        return CertificateJson.readProtocolParameters(node);
    }
}
