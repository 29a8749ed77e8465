package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.artifact.CardanoDbArtifactWorker;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ProcessRole;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The runtime as a scheduled job (upstream {@code AggregatorRuntime::run}): one {@link AggregatorStateMachine} cycle
 * every RUN_INTERVAL milliseconds on a worker thread, never two at once (a cycle longer than the interval makes the
 * next tick skip). Only {@code serve} runs it, and among replicas sharing one database only the holder of the {@link
 * RuntimeLease}; a replica that takes the lease over starts from Idle. A critical error stops the service with exit
 * code 1 (upstream exits 0).
 */
@ApplicationScoped
public class RuntimeCycle {
    private static final Logger LOG = Logger.getLogger(RuntimeCycle.class);
    static final String JOB = "runtime-cycle";

    /** What the last cycle did, for health and the console. */
    public record CycleReport(Instant at, Duration took, String state, boolean success, Optional<String> error) {}

    private final ProcessRole role;
    private final AggregatorConfig config;
    private final boolean enabled;
    private final Scheduler scheduler;
    private final RuntimeLease lease;
    private final AggregatorRunner runner;
    private final AggregatorMetrics metrics;
    private final CardanoDbArtifactWorker artifactWorker;
    private volatile AggregatorStateMachine machine;
    private volatile CycleReport last;
    private volatile int exitCode;
    private volatile String lastFailure;
    private volatile boolean reachedReady;

    RuntimeCycle(
            ProcessRole role,
            AggregatorConfig config,
            @ConfigProperty(name = "mithril.runtime.enabled", defaultValue = "true") boolean enabled,
            Scheduler scheduler,
            RuntimeLease lease,
            ServicesRunner runner,
            AggregatorMetrics metrics,
            CardanoDbArtifactWorker artifactWorker) {
        this.artifactWorker = artifactWorker;
        this.role = role;
        this.config = config;
        this.enabled = enabled;
        this.scheduler = scheduler;
        this.lease = lease;
        this.runner = runner;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (role.serves() && enabled) schedule();
    }

    /** Starts the cycle (at start-up unless {@code mithril.runtime.enabled} is false, as in the stores' tests). */
    public synchronized void schedule() {
        if (scheduler.getScheduledJob(JOB) != null) return;
        if (config.runInterval() < 1000) {
            LOG.warnf("RUN_INTERVAL=%d ms: the runtime cycle runs every 1000 ms at most", config.runInterval());
        }
        Duration interval = scheduleEveryRunInterval(scheduler, JOB, config, this::cycle);
        LOG.infof("runtime cycle scheduled every %d ms", interval.toMillis());
    }

    /**
     * Schedules {@code task} every RUN_INTERVAL (at least a second: the Quarkus scheduler's finest interval), never two
     * runs at once; the interval used.
     */
    static Duration scheduleEveryRunInterval(Scheduler scheduler, String job, AggregatorConfig config, Runnable task) {
        Duration interval = Duration.ofMillis(Math.max(1000, config.runInterval()));
        scheduler
                .newJob(job)
                .setInterval("PT" + interval.toMillis() / 1000.0 + "S")
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> task.run())
                .schedule();
        return interval;
    }

    void stop(@Observes ShutdownEvent event) {
        unschedule();
    }

    /** Stops the cycle (a cycle under way finishes). */
    public synchronized void unschedule() {
        if (scheduler.getScheduledJob(JOB) != null) scheduler.unscheduleJob(JOB);
    }

    /** The Cardano database artifacts not built yet (a failure is the worker's to report, never the cycle's). */
    private void startPendingArtifacts() {
        try {
            artifactWorker.startDue();
        } catch (RuntimeException e) {
            LOG.warnf("can not start the pending Cardano database artifacts: %s", e.getMessage());
        }
    }

    /** One tick: skipped unless this replica holds the lease. */
    void cycle() {
        if (!lease.holds()) {
            machine = null;
            return;
        }
        AggregatorStateMachine current = machine;
        if (current == null) {
            current = new AggregatorStateMachine(
                    runner, c -> metrics.increment(MithrilMetric.CERTIFICATE_TOTAL_PRODUCED));
            machine = current;
        }
        metrics.increment(MithrilMetric.RUNTIME_CYCLE_TOTAL);
        long start = System.nanoTime();
        try {
            current.cycle();
            startPendingArtifacts();
            metrics.increment(MithrilMetric.RUNTIME_CYCLE_SUCCESS);
            last = new CycleReport(Instant.now(), since(start), current.state().name(), true, Optional.empty());
            LOG.debugf("%s cycle done in %.3f ms", current.state().name(), (System.nanoTime() - start) / 1e6);
            if (!(current.state() instanceof AggregatorState.Idle)) reachedReady = true;
            if (lastFailure != null) {
                LOG.infof("%s: cycle succeeded again", current.state().name());
                lastFailure = null;
            }
        } catch (RuntimeError.Critical e) {
            last = new CycleReport(
                    Instant.now(), since(start), current.state().name(), false, Optional.of(e.getMessage()));
            LOG.fatalf("critical error, the aggregator stops: %s", AggregatorStateMachine.describe(e));
            exitCode = 1;
            scheduler.unscheduleJob(JOB);
            Quarkus.asyncExit(1);
        } catch (RuntimeError e) {
            String message = AggregatorStateMachine.describe(e);
            last = new CycleReport(Instant.now(), since(start), current.state().name(), false, Optional.of(message));
            logFailure(current, message);
        } catch (RuntimeException | Error e) {
            last = new CycleReport(
                    Instant.now(), since(start), current.state().name(), false, Optional.of(String.valueOf(e)));
            LOG.errorf(
                    e,
                    "%s cycle failed unexpectedly, state kept",
                    current.state().name());
        }
    }

    /**
     * Upstream logs every failed cycle at ERROR, once a second while a condition lasts. Here a failure is logged once
     * when it first appears (again when its message changes), at WARN until the runtime has reached READY once
     * (the devnet's first epochs wait for signers and a genesis: expected), at ERROR afterwards; the wait for a
     * quorum is not a failure an operator acts on (DEBUG), and ends the failure logged before it.
     */
    private void logFailure(AggregatorStateMachine machine, String message) {
        String state = machine.state().name();
        if (message.equals(AggregatorStateMachine.NOT_ENOUGH_SIGNATURES)) {
            LOG.debugf("%s: %s", state, message);
            // the failure before is over (e.g. the node is back): when it comes again, it is logged again
            if (lastFailure != null) {
                LOG.infof("%s: cycle back to waiting for signatures", state);
                lastFailure = null;
            }
            return;
        }
        if (message.equals(lastFailure)) {
            LOG.debugf("%s cycle failed again, state kept: %s", state, message);
            return;
        }
        lastFailure = message;
        if (reachedReady) {
            LOG.errorf("%s cycle failed, state kept: %s", state, message);
        } else {
            LOG.warnf("%s cycle failed, state kept, will retry: %s", state, message);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The state of the runtime on this replica, if it runs it. */
    public Optional<AggregatorState> state() {
        AggregatorStateMachine m = machine;
        return m == null ? Optional.empty() : Optional.of(m.state());
    }

    public Optional<CycleReport> lastCycle() {
        return Optional.ofNullable(last);
    }

    /** 1 after a critical error, else 0. */
    public int exitCode() {
        return exitCode;
    }
}
