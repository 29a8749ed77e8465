package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.certifier.CertifierService;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.certifier.GenesisService;
import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.config.ProcessRole;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The devnet's stake pool operators at work (CHAIN_OBSERVER_TYPE=fake, no LEADER_AGGREGATOR_ENDPOINT): a scheduled
 * job that, every RUN_INTERVAL, drives the simulated signers over this aggregator's own HTTP API — register for the
 * next epoch, sign the open messages — and, while no genesis certificate exists, makes it with the devnet's genesis
 * key as soon as the signers of the current epoch are known (upstream's {@code genesis bootstrap}).
 */
@ApplicationScoped
public class DevnetSigners {
    private static final Logger LOG = Logger.getLogger(DevnetSigners.class);
    static final String JOB = "devnet-signers";

    private final ProcessRole role;
    private final AggregatorConfig config;
    private final boolean runtimeEnabled;
    /** Off for the mainnet-sized benchmark, whose signers are another process (the pools stay: they are the chain's). */
    private final boolean inProcessSigners;

    private final Scheduler scheduler;
    private final DevnetNetwork network;
    private final CertifierService certifier;
    private final GenesisService genesis;
    private final GenesisKeys genesisKeys;
    private final EpochService epochService;
    private volatile SimulatedSignerFleet fleet;
    private volatile String lastFailure = "";
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();

    DevnetSigners(
            ProcessRole role,
            AggregatorConfig config,
            @ConfigProperty(name = "mithril.runtime.enabled", defaultValue = "true") boolean runtimeEnabled,
            @ConfigProperty(name = "mithril.devnet.in-process-signers", defaultValue = "true") boolean inProcessSigners,
            Scheduler scheduler,
            DevnetNetwork network,
            CertifierService certifier,
            GenesisService genesis,
            GenesisKeys genesisKeys,
            EpochService epochService) {
        this.role = role;
        this.config = config;
        this.runtimeEnabled = runtimeEnabled;
        this.inProcessSigners = inProcessSigners;
        this.scheduler = scheduler;
        this.network = network;
        this.certifier = certifier;
        this.genesis = genesis;
        this.genesisKeys = genesisKeys;
        this.epochService = epochService;
    }

    /** Whether this process runs the devnet's signers. */
    public boolean enabled() {
        return role.serves()
                && runtimeEnabled
                && ApiSettings.DEVNET_OBSERVER.equals(config.chainObserverType())
                && config.leaderAggregatorEndpoint().filter(s -> !s.isBlank()).isEmpty();
    }

    void start(@Observes StartupEvent event) {
        if (enabled()) schedule();
    }

    /** Starts the signers' job (at start-up when {@link #enabled()}; tests start it themselves). */
    public synchronized void schedule() {
        if (scheduler.getScheduledJob(JOB) != null) return;
        Ed25519SigningKey key = genesisKeys.devnetKeyPair();
        LOG.infof(
                "devnet: %d simulated stake pools, epochs of %d s; genesis verification key %s",
                network.pools().size(),
                config.devnetEpochLengthSeconds(),
                key.verificationKey().toJsonHex());
        scheduler
                .newJob(JOB)
                .setInterval("PT" + Math.max(1000, config.runInterval()) / 1000.0 + "S")
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> cycle())
                .schedule();
    }

    /** Stops the job (a cycle under way finishes). */
    public synchronized void unschedule() {
        if (scheduler.getScheduledJob(JOB) != null) scheduler.unscheduleJob(JOB);
    }

    /** An open message was created: sign it now rather than at the next tick. */
    void onOpenMessage(@ObservesAsync OpenMessage open) {
        if (scheduler.getScheduledJob(JOB) != null) cycle();
    }

    /** One round of the signers; a round asked for while one runs is run right after it. */
    void cycle() {
        if (running.getAndSet(true)) {
            pending.set(true);
            return;
        }
        try {
            do {
                pending.set(false);
                runOnce();
            } while (pending.get());
        } finally {
            running.set(false);
        }
    }

    private void runOnce() {
        try {
            bootstrapGenesisIfNeeded();
            SimulatedSignerFleet f = fleet();
            if (f.signers().isEmpty()) return;
            List<SimulatedSignerFleet.Beacon> beacons = new ArrayList<>();
            epochService.dataIfInformed().ifPresent(data -> {
                for (OpenMessage open : certifier.openMessagesOfEpoch(data.epoch())) {
                    if (!open.certified() && !open.expired()) {
                        beacons.add(new SimulatedSignerFleet.Beacon(open.signedEntityType(), open.protocolMessage()));
                    }
                }
            });
            SimulatedSignerFleet.CycleReport report = f.cycle(beacons);
            if (report.registered() > 0 || report.signaturesSent() > 0) {
                LOG.infof(
                        "devnet signers at epoch %s: %d registered, %d signatures sent",
                        report.epoch(), report.registered(), report.signaturesSent());
            }
            report.failures().forEach(failure -> LOG.warnf("devnet signer: %s", failure));
            lastFailure = "";
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(lastFailure)) LOG.infof("devnet signers waiting: %s", message);
            lastFailure = message;
        }
    }

    /**
     * The genesis of the current epoch, once the epoch service knows it and its signers registered; again when the
     * chain has an epoch without certificate (the devnet was stopped, or its epochs are too short for this machine),
     * which a chain cannot cross: a devnet restarts its chain where a real network would need its operators.
     */
    private void bootstrapGenesisIfNeeded() {
        if (epochService.dataIfInformed().isEmpty()) return;
        EpochService.EpochData data = epochService.data();
        Optional<Epoch> latest = certifier.latestCertificateEpoch();
        boolean gap = latest.isPresent() && latest.get().hasGapWith(data.epoch());
        if (latest.isPresent() && !gap) return;
        if (data.nextSigners().isEmpty()) return; // the genesis commits to the next signers' AVK
        try {
            Certificate certificate = genesis.bootstrap(genesisKeys.devnetKeyPair());
            if (gap) {
                LOG.warnf(
                        "devnet: no certificate since epoch %s, the chain cannot cross the gap: new genesis certificate %s at epoch %s",
                        latest.get(), certificate.hash(), certificate.epoch());
                return;
            }
            LOG.infof("devnet: genesis certificate %s made at epoch %s", certificate.hash(), certificate.epoch());
        } catch (GenesisService.GenesisException e) {
            LOG.debugf("devnet: genesis not made yet: %s", e.getMessage());
        }
    }

    private SimulatedSignerFleet fleet() {
        SimulatedSignerFleet f = fleet;
        if (f == null) {
            SecureRandom random = new SecureRandom();
            SignerKeyRegistrations registrations = new SignerKeyRegistrations();
            List<SimulatedSigner> signers = new ArrayList<>();
            for (int i = 0;
                    inProcessSigners
                            && i < config.devnetSigners()
                            && i < network.pools().size();
                    i++) {
                signers.add(new SimulatedSigner(
                        network.pools().get(i), network.chain(), random, registrations, DevnetNetwork::stmKeySeed));
            }
            f = new SimulatedSignerFleet(
                    signers, new AggregatorClient(ownEndpoint(), Duration.ofSeconds(30), Optional.empty()));
            fleet = f;
        }
        return f;
    }

    /** This aggregator's API on the loopback interface, at the port it actually listens on. */
    private static URI ownEndpoint() {
        var c = ConfigProvider.getConfig();
        int port = c.getOptionalValue("quarkus.http.test-port", Integer.class)
                .filter(p -> p > 0 && io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST)
                .orElseGet(() -> c.getValue("quarkus.http.port", Integer.class));
        return URI.create("http://127.0.0.1:" + port + "/aggregator/");
    }
}
