package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.artifact.ArchivePruner;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.SignedEntityRepository;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.Epoch;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Upstream {@code AggregatorUpkeepService} as a job of its own: the runtime asks for it at each new epoch ({@link
 * #requestFor}, IDLE step e) and the job prunes a moment later, so that a slow or failing prune neither delays nor
 * fails the epoch transition (upstream runs it inside the transition and retries the whole transition on failure).
 * Spec aggregator-runtime.md §7: at each new epoch N, with L = max(STORE_RETENTION_LIMIT, 3), stake pools of epochs
 * before N − L, epoch settings before N − L and signer registrations before N + 1 − L are deleted, and the local
 * archives of beacons before N − L ({@link ArchivePruner}); nothing when the limit is unset. Certificates and
 * artifacts are never pruned; artifact parts stored ahead that no artifact refers to are, once their epoch is over
 * (before N − 1).
 * PostgreSQL's autovacuum replaces upstream's WAL checkpoints and VACUUM.
 */
@ApplicationScoped
public class UpkeepService {
    private static final Logger LOG = Logger.getLogger(UpkeepService.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    static final int MINIMUM_RETENTION = 3;

    private final AggregatorConfig config;
    private final StakePoolRepository stakePools;
    private final EpochSettingRepository epochSettings;
    private final SignerRepository signers;
    private final SignedEntityRepository signedEntities;
    private final Scheduler scheduler;
    private final ArchivePruner archives;
    private volatile Epoch requested;
    private volatile Epoch done;

    UpkeepService(
            AggregatorConfig config,
            StakePoolRepository stakePools,
            EpochSettingRepository epochSettings,
            SignerRepository signers,
            SignedEntityRepository signedEntities,
            Scheduler scheduler,
            ArchivePruner archives) {
        this.archives = archives;
        this.signedEntities = signedEntities;
        this.scheduler = scheduler;
        this.config = config;
        this.stakePools = stakePools;
        this.epochSettings = epochSettings;
        this.signers = signers;
    }

    /** Prune for this epoch at the job's next run. */
    public void requestFor(Epoch epoch) {
        requested = epoch;
    }

    void start(@Observes StartupEvent event) {
        scheduler
                .newJob("upkeep")
                .setInterval("PT5S")
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> runRequested())
                .schedule();
    }

    void runRequested() {
        Epoch epoch = requested;
        if (epoch == null || epoch.equals(done)) return;
        try {
            run(epoch);
            done = epoch;
        } catch (RuntimeException e) {
            LOG.warnf("upkeep at epoch %s failed, retried in 5 s: %s", epoch, e.getMessage());
        }
    }

    public void run(Epoch epoch) {
        // artifact parts stored ahead for open messages never certified (whatever the retention: they are no
        // artifact's); an epoch's open messages are not certified after it
        int parts = signedEntities
                .deleteUnreferencedPartsBefore(epoch.value() - 1)
                .await()
                .atMost(STORE_TIMEOUT);
        if (parts > 0) LOG.debugf("upkeep at epoch %s: %d unused artifact parts deleted", epoch, parts);
        if (config.storeRetentionLimit().isEmpty()) return;
        long limit = Math.max(config.storeRetentionLimit().get(), MINIMUM_RETENTION);
        long n = epoch.value();
        stakePools.deleteBefore(Math.max(0, n - limit)).await().atMost(STORE_TIMEOUT);
        epochSettings.deleteBefore(Math.max(0, n - limit)).await().atMost(STORE_TIMEOUT);
        signers.deleteRegistrationsBefore(Math.max(0, n + 1 - limit)).await().atMost(STORE_TIMEOUT);
        archives.prune(epoch, limit);
        LOG.debugf("upkeep at epoch %d: kept %d epochs of stake pools, epoch settings and registrations", n, limit);
    }
}
