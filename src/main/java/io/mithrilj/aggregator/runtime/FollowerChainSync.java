package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ProcessRole;
import io.mithrilj.aggregator.follower.FollowerService;
import io.mithrilj.aggregator.protocol.Epoch;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A follower's certificate chain synchronisation as its own job, beside the runtime cycle (which also synchronises
 * at each epoch transition, as upstream): at start-up and at each epoch change of our chain, whether or not the
 * leader is at our epoch yet — so that a follower serves its leader's chain from its first seconds, and its
 * readiness does not wait for the leader's epoch. Runs on the replica that holds the runtime lease; every
 * RUN_INTERVAL it only reads the chain's epoch unless a synchronisation is due.
 */
@ApplicationScoped
public class FollowerChainSync {
    private static final Logger LOG = Logger.getLogger(FollowerChainSync.class);
    static final String JOB = "follower-chain-sync";

    private final ProcessRole role;
    private final AggregatorConfig config;
    private final boolean enabled;
    private final Scheduler scheduler;
    private final RuntimeLease lease;
    private final ServicesRunner runner;
    private final FollowerService follower;

    FollowerChainSync(
            ProcessRole role,
            AggregatorConfig config,
            @ConfigProperty(name = "mithril.runtime.enabled", defaultValue = "true") boolean enabled,
            Scheduler scheduler,
            RuntimeLease lease,
            ServicesRunner runner,
            FollowerService follower) {
        this.role = role;
        this.config = config;
        this.enabled = enabled;
        this.scheduler = scheduler;
        this.lease = lease;
        this.runner = runner;
        this.follower = follower;
    }

    void start(@Observes StartupEvent event) {
        if (role.serves() && enabled && follower.enabled()) schedule();
    }

    /** Starts the job (at start-up on a follower unless {@code mithril.runtime.enabled} is false, as in tests). */
    public synchronized void schedule() {
        if (scheduler.getScheduledJob(JOB) != null) return;
        follower.genesisVerificationKey(); // a follower without its leader's key can verify nothing: refuse to start
        RuntimeCycle.scheduleEveryRunInterval(scheduler, JOB, config, this::tick);
        LOG.infof(
                "follower of %s: its certificate chain is synchronised at start and at each epoch",
                follower.leader().endpoint());
    }

    void stop(@Observes ShutdownEvent event) {
        unschedule();
    }

    /** Stops the job (a synchronisation under way finishes). */
    public synchronized void unschedule() {
        if (scheduler.getScheduledJob(JOB) != null) scheduler.unscheduleJob(JOB);
    }

    void tick() {
        if (!lease.holds()) return;
        try {
            Epoch epoch = runner.timePoint().epoch();
            follower.synchronizeChainIfDue(
                    epoch, () -> runner.checkCertificateChain(epoch).isPresent());
        } catch (RuntimeException e) {
            LOG.debugf("follower chain synchronisation skipped: cannot read our chain's epoch: %s", e.getMessage());
        }
    }
}
