package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmAggregateVerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmParameters;
import io.mithrilj.aggregator.crypto.stm.StmRegisteredParty;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Issue 17's mainnet-sized epoch on the devnet's own pieces: 3000 simulated pools with Pareto stakes register
 * (STM key, proof of possession, KES signature, checked as the aggregator checks them), then sign one MSD
 * message with k = 2422, m = 20973, phi_f = 0.2. Measured: single-signature creation by a simulated signer (the
 * full signer path: lottery over m indexes, BLS signature, JSON message) and the aggregator's single-signature
 * check (decode the json-hex signature, BLS verification and lottery checks of its indexes), on one and two
 * threads. The preparation's phases are timed and printed once (they are the devnet's start-up cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DevnetSignaturesBenchmark {
    static final int POOLS = 3000;
    static final ProtocolParameters PARAMETERS = new ProtocolParameters(2422, 20973, 0.2);
    static final Epoch REGISTRATION_EPOCH = Epoch.of(10);

    /** One prepared signature as the aggregator receives it, with the party it claims. */
    record Received(String signatureHex, StmRegisteredParty party) {}

    private List<SimulatedSigner> signers;
    private EpochSettingsMessage signingSettings;
    private ProtocolMessage message;
    private byte[] signedMessage;
    private StmParameters stmParameters;
    private StmAggregateVerificationKey avk;
    private List<Received> received;
    private io.mithrilj.aggregator.crypto.stm.StmClerk clerk;
    private List<StmSingleSignature> decoded;
    private StmAggregateSignature aggregate;
    private String aggregateHex;
    private final AtomicInteger nextSigner = new AtomicInteger();
    private final AtomicInteger nextSignature = new AtomicInteger();
    private final AtomicLong nextBeacon = new AtomicLong();

    /** Prepared once per JVM (run with {@code -f0} to share it between the benchmarks). */
    private static DevnetSignaturesBenchmark prepared;

    @Setup(Level.Trial)
    public void setUp() throws StmException {
        synchronized (DevnetSignaturesBenchmark.class) {
            if (prepared == null) {
                prepare();
                prepared = this;
            }
        }
        signers = prepared.signers;
        signingSettings = prepared.signingSettings;
        message = prepared.message;
        signedMessage = prepared.signedMessage;
        stmParameters = prepared.stmParameters;
        avk = prepared.avk;
        received = prepared.received;
    }

    private void prepare() throws StmException {
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(17);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        SimulatedChain.Settings chainSettings =
                new SimulatedChain.Settings(start, REGISTRATION_EPOCH.value() - 1, 600, 100, 3);
        // operators issue their certificates at the chain's current KES period (54 here)
        long startKesPeriod = (REGISTRATION_EPOCH.value() - 1) * 600 / 100;
        List<DevnetPool> pools =
                DevnetPool.generateAll(ParetoStakes.CARDANO_LIKE.sample(POOLS, random), startKesPeriod, random);
        long t1 = System.nanoTime();

        DevnetClock clock = new DevnetClock(start);
        SimulatedChain chain = new SimulatedChain(chainSettings, clock, SimulatedChain.stakeDistributionOf(pools));
        SignerKeyRegistrations shared = new SignerKeyRegistrations();
        signers = pools.stream()
                .map(p -> new SimulatedSigner(p, chain, random.split(), shared))
                .toList();

        // registration during e − 1, as the signers would send it (message bodies), in parallel
        EpochSettingsMessage registrationSettings = new EpochSettingsMessage(
                REGISTRATION_EPOCH.minus(1), Optional.of(PARAMETERS), List.of(), List.of());
        List<SimulatedSigner.Registration> registrations = signers.parallelStream()
                .map(s -> s.prepareRegistration(registrationSettings).orElseThrow())
                .toList();
        long t2 = System.nanoTime();

        // the aggregator's registration checks (KES and opcert, stake, key decoding) and its key registration
        long kesPeriod = chain.currentKesPeriod().orElseThrow();
        List<EpochSettingsMessage.Signer> listed = registrations.parallelStream()
                .map(r -> {
                    JsonNode m = CertificateJson.parse(r.json());
                    SignerRegistrationAuthenticator.authenticate(
                            m.get("verification_key").textValue(),
                            m.get("verification_key_signature").textValue(),
                            m.get("operational_certificate").textValue(),
                            kesPeriod);
                    return new EpochSettingsMessage.Signer(
                            m.get("party_id").textValue(),
                            m.get("verification_key").textValue(),
                            Optional.of(m.get("verification_key_signature").textValue()),
                            Optional.of(m.get("operational_certificate").textValue()),
                            java.util.OptionalLong.of(m.get("kes_period").longValue()));
                })
                .toList();
        List<StmKeyRegistration.Entry> entries = IntStream.range(0, POOLS)
                .parallel()
                .mapToObj(i -> {
                    try {
                        return new StmKeyRegistration.Entry(
                                pools.get(i).stake(), StmVerificationKeyPoP.decode(listed.get(i).verificationKey()));
                    } catch (StmException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        StmKeyRegistration keyRegistration = new StmKeyRegistration();
        keyRegistration.registerAll(entries);
        StmClosedKeyRegistration closed = keyRegistration.close();
        IntStream.range(0, POOLS).forEach(i -> signers.get(i).registered(registrations.get(i)));
        long t3 = System.nanoTime();

        // e + 1: the signers list their keys as current signers and each signs the MSD message once
        clock.set(chain.startOf(REGISTRATION_EPOCH.next()));
        signingSettings =
                new EpochSettingsMessage(REGISTRATION_EPOCH.next(), Optional.of(PARAMETERS), listed, List.of());
        EnumMap<ProtocolMessagePartKey, String> parts = new EnumMap<>(ProtocolMessagePartKey.class);
        parts.put(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY, closed.aggregateVerificationKey().toJsonHex());
        parts.put(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS, PARAMETERS.computeHash());
        parts.put(ProtocolMessagePartKey.CURRENT_EPOCH, REGISTRATION_EPOCH.next().toString());
        message = ProtocolMessage.of(parts);
        signedMessage = message.computeHash().getBytes(StandardCharsets.US_ASCII);
        stmParameters = new StmParameters(PARAMETERS.m(), PARAMETERS.k(), PARAMETERS.phiF());
        avk = closed.aggregateVerificationKey();
        // the signers' own closed registration (shared, built once) is made here, outside the signing timing
        shared.closedRegistration(
                signingSettings.epoch(),
                listed,
                SimulatedChain.stakeDistributionOf(pools),
                PARAMETERS);
        long t4 = System.nanoTime();

        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(signingSettings.epoch());
        Map<String, StmRegisteredParty> parties = new HashMap<>();
        for (int i = 0; i < POOLS; i++) {
            parties.put(pools.get(i).partyId(), new StmRegisteredParty(entries.get(i).key().vk(), pools.get(i).stake()));
        }
        received = signers.parallelStream()
                .map(s -> s.prepareSignature(signingSettings, msd, message)
                        .map(json -> {
                            JsonNode m = CertificateJson.parse(json);
                            return new Received(
                                    m.get("signature").textValue(), parties.get(m.get("party_id").textValue()));
                        }))
                .flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        long t5 = System.nanoTime();
        clerk = new io.mithrilj.aggregator.crypto.stm.StmClerk(stmParameters, closed);
        decoded = new ArrayList<>();
        for (Received r : received) {
            decoded.add(StmSingleSignature.decode(r.signatureHex()));
        }
        aggregate = clerk.aggregate(decoded, signedMessage);
        aggregateHex = aggregate.toJsonHex();
        long indexes = 0;
        for (Received r : received) {
            indexes += StmSingleSignature.decode(r.signatureHex()).indexes().length;
        }
        System.out.printf(
                "%n[devnet preparation] %d pools: keys and opcerts %s; registrations (STM keys, PoPs, KES signatures) %s;"
                        + " aggregator checks and key registration %s; signers' shared key registration %s;"
                        + " %d signatures (%d indexes won, k = %d) by all signers %s%n",
                POOLS,
                Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1),
                Duration.ofNanos(t3 - t2),
                Duration.ofNanos(t4 - t3),
                received.size(),
                indexes,
                PARAMETERS.k(),
                Duration.ofNanos(t5 - t4));
    }

    /**
     * A simulated signer signs a fresh beacon: lottery over m indexes, BLS signature, the JSON body (empty when no
     * index is won, as for a small pool). Signers taken in turn.
     */
    @Benchmark
    public Optional<String> createSingleSignature() {
        SimulatedSigner signer = signers.get(Math.floorMod(nextSigner.getAndIncrement(), POOLS));
        SignedEntityType beacon =
                new SignedEntityType.CardanoTransactions(signingSettings.epoch(), nextBeacon.getAndIncrement());
        return signer.prepareSignature(signingSettings, beacon, message);
    }

    /** The aggregator's check of one received signature, on one thread. */
    @Benchmark
    @Threads(1)
    public StmSingleSignature checkSingleSignature() throws StmException {
        return check();
    }

    /** The same check on two threads (both cores): the floor that HTTP ingestion is compared to. */
    @Benchmark
    @Threads(2)
    public StmSingleSignature checkSingleSignatureTwoThreads() throws StmException {
        return check();
    }

    /**
     * The clerk's aggregation of every prepared signature (about half of the pools win an index): the certifier's
     * "aggregate" step of the quorum cycle.
     */
    @Benchmark
    public StmAggregateSignature aggregateAll() throws StmException {
        return prepared.clerk.aggregate(prepared.decoded, signedMessage);
    }

    /** Verification of the aggregate as decoded from its json-hex (what a chain verifier does). */
    @Benchmark
    public StmAggregateSignature decodeAndVerifyAggregate() throws StmException {
        StmAggregateSignature s = StmAggregateSignature.decode(prepared.aggregateHex);
        s.verify(signedMessage, avk, stmParameters);
        return s;
    }

    /** Verification of the aggregate object the clerk has just made (no decoding). */
    @Benchmark
    public StmAggregateSignature verifyAggregate() throws StmException {
        prepared.aggregate.verify(signedMessage, avk, stmParameters);
        return prepared.aggregate;
    }

    /** The aggregate's json-hex, as the certificate carries it. */
    @Benchmark
    public String encodeAggregate() {
        return prepared.aggregate.toJsonHex();
    }

    private StmSingleSignature check() throws StmException {
        Received r = received.get(Math.floorMod(nextSignature.getAndIncrement(), received.size()));
        StmSingleSignature signature = StmSingleSignature.decode(r.signatureHex());
        signature.verify(stmParameters, r.party(), avk, signedMessage);
        return signature;
    }
}
