package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.cardano.immutable.DigestCache;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester.ImmutableDigests;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.NodeDatabaseDirectory;
import io.mithrilj.aggregator.persistence.ImmutableFileDigestRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The digests of the node's immutable files (artifacts.md §4), computed on every core with the digest cache in
 * PostgreSQL (table {@code immutable_file_digest}, emptied at start-up by {@code RESET_DIGESTS_CACHE}). Both Cardano
 * database signables and artifacts read them; the last computation is kept, since the files it covers never change.
 */
@ApplicationScoped
public class ImmutableDigestService {
    private static final Logger LOG = Logger.getLogger(ImmutableDigestService.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    private final AggregatorConfig config;
    private final ImmutableFileDigestRepository repository;
    private final NodeDatabaseDirectory database;
    private final ImmutableDigester digester;
    private volatile Computed last;

    ImmutableDigestService(
            AggregatorConfig config, ImmutableFileDigestRepository repository, NodeDatabaseDirectory database) {
        this.config = config;
        this.database = database;
        this.repository = repository;
        this.digester = new ImmutableDigester(new PostgresDigestCache(repository));
    }

    /** After the schema migration: RESET_DIGESTS_CACHE=true empties the cache. */
    void resetAtStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.resetDigestsCache()) return;
        int removed = repository.deleteAll().await().atMost(STORE_TIMEOUT);
        LOG.infof("immutable file digest cache emptied (RESET_DIGESTS_CACHE): %d digests removed", removed);
    }

    /**
     * The digests of the immutable files numbered at most {@code upTo}, in §4 order.
     *
     * @throws io.mithrilj.aggregator.cardano.immutable.ImmutableDigesterException naming the file or directory
     *     when they can not be computed
     */
    public ImmutableDigests digests(long upTo) {
        Computed c = last;
        Path directory = database.path();
        if (c != null && c.upTo() == upTo && c.directory().equals(directory)) return c.digests();
        long start = System.nanoTime();
        ImmutableDigests digests = digester.computeDigests(directory, upTo);
        LOG.infof(
                "digests of the %d immutable files up to %d computed in %.1f ms (%d from the cache, %d read; hit"
                        + " rate %.1f %%)",
                digests.entries().size(),
                upTo,
                (System.nanoTime() - start) / 1e6,
                digests.cacheHits(),
                digests.cacheMisses(),
                digests.cacheHitRate() * 100);
        last = new Computed(directory, upTo, digests);
        return digests;
    }

    /** Every cached digest by file name, in file name order: the content of the CDB digests file (§6.3). */
    public Map<String, String> allCached() {
        return repository.all().await().atMost(STORE_TIMEOUT);
    }

    @PreDestroy
    void close() {
        digester.close();
    }

    private record Computed(Path directory, long upTo, ImmutableDigests digests) {}

    /** The cache over the repository; called from the digester's caller thread, never an event loop. */
    private record PostgresDigestCache(ImmutableFileDigestRepository repository) implements DigestCache {
        @Override
        public Map<String, String> get(Collection<String> fileNames) {
            return repository.find(fileNames).await().atMost(STORE_TIMEOUT);
        }

        @Override
        public void put(Map<String, String> digests) {
            repository.saveAll(digests).await().atMost(STORE_TIMEOUT);
        }
    }
}
