package io.mithrilj.aggregator.artifact;

import io.micrometer.core.instrument.MeterRegistry;
import io.mithrilj.aggregator.certifier.SignedEntityLock;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.persistence.ArtifactFields;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.SignedEntityRepository;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Builds the artifacts of the Cardano database certificates in the background (upstream {@code create_artifact},
 * aggregator-runtime.md §10.7): the type is locked while its archives are made and uploaded, up to 2 attempts, then
 * the artifact is stored and the produced metric counted. Better than upstream, whose certificate stays without artifact
 * after a failure: a failed artifact stays pending and is tried again by later cycles (5 s after the first failure,
 * doubling to 10 min) until it is built or a newer certificate of its type replaces it; the pending ones are found
 * again after a restart. One build at a time: archiving takes every core already.
 */
@ApplicationScoped
public class CardanoDbArtifactWorker {
    private static final Logger LOG = Logger.getLogger(CardanoDbArtifactWorker.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 2;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** Builds of a Cardano database artifact that failed (both attempts), by signed entity type. */
    public static final String FAILURES_METRIC = "mithrilj_cardano_db_artifact_build_failures";

    static final Duration MAX_RETRY = Duration.ofMinutes(10);
    private static final List<SignedEntityTypeDiscriminant> TYPES = List.of(
            SignedEntityTypeDiscriminant.CARDANO_IMMUTABLE_FILES_FULL, SignedEntityTypeDiscriminant.CARDANO_DATABASE);

    /** A certificate whose artifact is not stored yet. */
    public record Pending(
            SignedEntityType type, Certificate certificate, int failures, Instant due, String lastError) {}

    private final ArtifactBuilderService builder;
    private final SignedEntityRepository signedEntities;
    private final CertificateRepository certificates;
    private final SignedEntityLock lock;
    private final AggregatorMetrics metrics;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("cardano-db-artifacts").daemon().factory());
    private final Map<SignedEntityTypeDiscriminant, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean recovered;

    @Inject
    CardanoDbArtifactWorker(
            ArtifactBuilderService builder,
            SignedEntityRepository signedEntities,
            CertificateRepository certificates,
            SignedEntityLock lock,
            AggregatorMetrics metrics,
            MeterRegistry registry) {
        this(builder, signedEntities, certificates, lock, metrics, registry, Clock.systemUTC());
    }

    CardanoDbArtifactWorker(
            ArtifactBuilderService builder,
            SignedEntityRepository signedEntities,
            CertificateRepository certificates,
            SignedEntityLock lock,
            AggregatorMetrics metrics,
            MeterRegistry registry,
            Clock clock) {
        this.builder = builder;
        this.signedEntities = signedEntities;
        this.certificates = certificates;
        this.lock = lock;
        this.metrics = metrics;
        this.registry = registry;
        this.clock = clock;
    }

    /** A new certificate of a Cardano database type, stored: its artifact is built now, in the background. */
    public void submit(SignedEntityType type, Certificate certificate) {
        SignedEntityTypeDiscriminant kind = type.discriminant().orElseThrow();
        Pending replaced = pending.put(kind, new Pending(type, certificate, 0, clock.instant(), null));
        if (replaced != null && replaced.failures() > 0) {
            LOG.warnf(
                    "the artifact of %s (certificate %s) is abandoned after %d failures: certificate %s of %s"
                            + " replaces it",
                    replaced.type(), replaced.certificate().hash(), replaced.failures(), certificate.hash(), type);
        }
        startDue();
    }

    /**
     * Called by every runtime cycle: finds the pending artifacts once after a start, then starts those due whose type
     * is not locked.
     */
    public void startDue() {
        if (!recovered) recover();
        Instant now = clock.instant();
        for (Pending p : new ArrayList<>(pending.values())) {
            if (p.due().isAfter(now)) continue;
            SignedEntityTypeDiscriminant kind = p.type().discriminant().orElseThrow();
            if (!lock.tryLock(kind)) continue; // being built
            try {
                executor.submit(() -> build(kind, p));
            } catch (RuntimeException e) { // shutting down
                lock.release(kind);
            }
        }
    }

    /** The artifacts not stored yet, by type. */
    public Map<SignedEntityTypeDiscriminant, Pending> pending() {
        return Map.copyOf(pending);
    }

    private void recover() {
        for (SignedEntityTypeDiscriminant kind : TYPES) {
            try {
                Optional<String> message =
                        certificates.latestWithoutArtifact(kind.id()).await().atMost(STORE_TIMEOUT);
                message.ifPresent(json -> {
                    Certificate c = CertificateJson.readCertificate(json);
                    pending.putIfAbsent(kind, new Pending(c.signedEntityType(), c, 0, clock.instant(), null));
                    LOG.infof(
                            "the artifact of %s (certificate %s) was not built before: building it",
                            c.signedEntityType(), c.hash());
                });
            } catch (RuntimeException e) {
                LOG.warnf(
                        "can not look for the %s certificates without artifact: %s",
                        kind.variantName(), e.getMessage());
                return; // tried again next cycle
            }
        }
        recovered = true;
    }

    private void build(SignedEntityTypeDiscriminant kind, Pending p) {
        try {
            RuntimeException failure = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (pending.get(kind) != p) return; // replaced by a newer certificate meanwhile
                long start = System.nanoTime();
                try {
                    ArtifactFields artifact = builder.build(p.type(), p.certificate(), clock.instant());
                    signedEntities.save(artifact).await().atMost(STORE_TIMEOUT);
                    pending.remove(kind, p);
                    metrics.increment(producedMetric(kind));
                    LOG.infof(
                            "artifact %s of %s (certificate %s) built and stored in %.1f s",
                            artifact.id(), p.type(), p.certificate().hash(), (System.nanoTime() - start) / 1e9);
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                    LOG.warnf(
                            "attempt %d/%d to build the artifact of %s (certificate %s) failed: %s",
                            attempt, ATTEMPTS, p.type(), p.certificate().hash(), e.getMessage());
                }
            }
            // beyond upstream's 25 names, appended to the scrape with the JVM's: a failed build is no upstream event
            registry.counter(FAILURES_METRIC, "signed_entity_type", kind.variantName())
                    .increment();
            int failures = p.failures() + 1;
            Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
            if (delay.compareTo(MAX_RETRY) > 0) delay = MAX_RETRY;
            pending.replace(
                    kind,
                    p,
                    new Pending(
                            p.type(), p.certificate(), failures, clock.instant().plus(delay), failure.getMessage()));
            LOG.errorf(
                    "the artifact of %s (certificate %s) is not built (%d failures), tried again in %d s: %s",
                    p.type(), p.certificate().hash(), failures, delay.toSeconds(), failure.getMessage());
        } finally {
            lock.release(kind);
        }
    }

    private static MithrilMetric producedMetric(SignedEntityTypeDiscriminant kind) {
        return kind == SignedEntityTypeDiscriminant.CARDANO_DATABASE
                ? MithrilMetric.ARTIFACT_CARDANO_DATABASE_TOTAL_PRODUCED
                : MithrilMetric.ARTIFACT_CARDANO_DB_TOTAL_PRODUCED;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
