package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.artifact.ArtifactBuilderService;
import io.mithrilj.aggregator.artifact.CardanoDbArtifactWorker;
import io.mithrilj.aggregator.cardano.era.EraEpochToken;
import io.mithrilj.aggregator.cardano.era.EraReader;
import io.mithrilj.aggregator.cardano.ticker.MithrilTickerService;
import io.mithrilj.aggregator.certifier.CertifierService;
import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.certifier.SignableBuilderService;
import io.mithrilj.aggregator.certifier.SignedEntityLock;
import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ImmutableFileObserver;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.follower.FollowerService;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.registration.SignerRegisterer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Upstream {@code AggregatorRunner} ({@code runtime/runner.rs}), for a leader and for a follower (whose steps of its
 * own go to {@link FollowerService}, no-ops on a leader): each step of the state machine on the
 * aggregator's services. Blocking; called from the runtime's worker thread only.
 */
@ApplicationScoped
public class ServicesRunner implements AggregatorRunner {
    private static final Logger LOG = Logger.getLogger(ServicesRunner.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    private final ChainObserver chainObserver;
    private final MithrilTickerService ticker;
    private final EraReader eraReader;
    private final StakePoolRepository stakePools;
    private final SignerRegisterer registrations;
    private final EpochService epochService;
    private final CertifierService certifier;
    private final SignableBuilderService signables;
    private final UpkeepService upkeep;
    private final AggregatorMetrics metrics;
    private final FollowerService follower;
    private final SignedEntityLock lock;
    private final CardanoDbArtifactWorker artifactWorker;
    private final Set<SignedEntityTypeDiscriminant> warnedUnsupported = ConcurrentHashMap.newKeySet();
    private volatile String mithrilEra;
    private final Map<Long, StakeDistribution> stakesByEpoch = new ConcurrentHashMap<>();

    ServicesRunner(
            ChainObserver chainObserver,
            ImmutableFileObserver immutableFileObserver,
            EraReader eraReader,
            StakePoolRepository stakePools,
            SignerRegisterer registrations,
            EpochService epochService,
            CertifierService certifier,
            SignableBuilderService signables,
            UpkeepService upkeep,
            AggregatorMetrics metrics,
            FollowerService follower,
            SignedEntityLock lock,
            CardanoDbArtifactWorker artifactWorker) {
        this.lock = lock;
        this.artifactWorker = artifactWorker;
        this.chainObserver = chainObserver;
        this.ticker = new MithrilTickerService(chainObserver, immutableFileObserver);
        this.eraReader = eraReader;
        this.stakePools = stakePools;
        this.registrations = registrations;
        this.epochService = epochService;
        this.certifier = certifier;
        this.signables = signables;
        this.upkeep = upkeep;
        this.metrics = metrics;
        this.follower = follower;
    }

    @Override
    public TimePoint timePoint() {
        return ticker.currentTimePoint();
    }

    @Override
    public boolean isFollowerAtSameEpochAsLeader(TimePoint timePoint) {
        return follower.atSameEpochAsLeader(timePoint.epoch());
    }

    @Override
    public void closeSignerRegistrationRound(TimePoint timePoint) {
        // a retried transition to the same epoch (IDLE keeps retrying while e.g. no signer can sign yet) keeps the
        // round of epoch + 1 open, instead of closing it for a moment each cycle as upstream does (a signer that
        // registers then gets 550 and retries later)
        boolean sameRound = registrations
                .currentRound()
                .map(round -> round.epoch().equals(timePoint.epoch().next()))
                .orElse(false);
        if (!sameRound) registrations.closeRound();
    }

    @Override
    public void updateEraChecker(Epoch epoch) {
        try {
            EraEpochToken token = eraReader.readEraEpochToken(epoch);
            mithrilEra = token.currentSupportedEra();
            try {
                token.nextSupportedEra();
            } catch (EraEpochToken.UnsupportedEraException e) {
                LOG.warnf(
                        "the next Mithril era is not supported by this version: %s; upgrade before it begins",
                        e.getMessage());
            }
        } catch (RuntimeException e) {
            throw eraCheckerFailure(epoch, e);
        }
    }

    /**
     * Upstream stops the aggregator on any failure of the era checker's update. Here a chain observer that failed
     * (the cardano-chain adapter reads its markers from the node) keeps the state and is retried: node trouble never
     * stops the service. An era that cannot be determined or is not supported still stops it.
     */
    static RuntimeError eraCheckerFailure(Epoch epoch, RuntimeException e) {
        String message = "cannot read the Mithril era at epoch " + epoch + ": " + e.getMessage();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof ChainObserverException) return new RuntimeError.KeepState(message, e);
        }
        return new RuntimeError.Critical(message, e);
    }

    /** The Mithril era the era checker holds, once read. */
    public Optional<String> mithrilEra() {
        return Optional.ofNullable(mithrilEra);
    }

    @Override
    public void updateStakeDistribution(TimePoint timePoint) {
        long recording = timePoint.epoch().next().value();
        if (storedStakes(recording).isPresent()) return;
        Map<String, Long> distribution = chainObserver.currentStakeDistribution();
        if (distribution.isEmpty()) {
            throw new IllegalStateException(
                    "the chain observer returned no stake distribution at epoch " + timePoint.epoch());
        }
        await(stakePools.saveAll(recording, distribution, Rfc3339.format(Instant.now())));
        LOG.infof("stake distribution of %d pools recorded for epoch %d", distribution.size(), recording);
    }

    /**
     * The stake distribution stored under an epoch. Once stored it never changes (it is saved when absent only), so
     * it is read once: IDLE retries its transition every cycle, and mainnet's has 3000 pools.
     */
    private Optional<StakeDistribution> storedStakes(long epoch) {
        StakeDistribution known = stakesByEpoch.get(epoch);
        if (known != null) return Optional.of(known);
        Optional<StakeDistribution> stored =
                await(stakePools.distribution(epoch)).map(StakeDistribution::of);
        stored.ifPresent(d -> {
            stakesByEpoch.keySet().removeIf(e -> e < epoch - 2);
            stakesByEpoch.put(epoch, d);
        });
        return stored;
    }

    @Override
    public void informNewEpoch(Epoch epoch) {
        certifier.informEpoch(epoch);
        follower.mirrorProtocolConfiguration(epoch); // a follower's parameters are its leader's
        // a retried transition: what the epoch service loaded for this epoch cannot have changed (the rounds of N−1
        // and N are closed), so it is not read again every cycle
        if (epochService.dataIfInformed().filter(d -> d.epoch().equals(epoch)).isPresent()) return;
        String cardanoEra = chainObserver
                .currentEra()
                .orElseThrow(() -> new IllegalStateException("No Cardano era returned by the chain observer"));
        epochService.informEpoch(
                epoch,
                cardanoEra,
                mithrilEra().orElseThrow(() -> new IllegalStateException("the era checker has no era yet")));
    }

    @Override
    public void upkeep(Epoch epoch) {
        upkeep.requestFor(epoch);
    }

    @Override
    public void openSignerRegistrationRound(TimePoint timePoint) {
        Epoch registration = timePoint.epoch().next();
        StakeDistribution stakes = storedStakes(registration.value()).orElseGet(StakeDistribution::empty);
        registrations.openRound(registration, stakes);
        if (registrations.currentRound().isEmpty()) return; // a follower: its signers are its leader's
        LOG.infof("signer registration round open for epoch %s (%d pools with stake)", registration, stakes.size());
    }

    @Override
    public void synchronizeFollowerSigners() {
        follower.synchronizeSigners();
    }

    @Override
    public void precomputeEpochData() {
        // computed already for this epoch by a transition that failed later (e.g. no genesis yet): mainnet's
        // multi-signers check 6000 KES signatures, not to be done again every cycle
        if (epochService.multiSignersIfComputed().isPresent()) return;
        epochService.precomputeEpochData();
        // the large parts of the epoch's artifacts, written before its open messages and the signatures they draw
        certifier.storeArtifactPartsAhead(
                epochService.data().epoch(), epochService.data().signedEntityTypes());
    }

    @Override
    public Optional<RuntimeException> checkCertificateChain(Epoch epoch) {
        try {
            certifier.verifyCertificateChain(epoch);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    @Override
    public void synchronizeCertificateChain(boolean force, Epoch epoch) {
        follower.synchronizeChain(force, epoch);
    }

    @Override
    public Optional<OpenMessage> currentNonCertifiedOpenMessage(TimePoint timePoint) {
        EnumSet<SignedEntityTypeDiscriminant> kinds = EnumSet.noneOf(SignedEntityTypeDiscriminant.class);
        kinds.addAll(epochService.data().signedEntityTypes());
        for (SignedEntityTypeDiscriminant kind : kinds) { // enum order: MSD, CSD, CIFF, CDB, CTx
            if (lock.isLocked(kind)) continue; // its artifact is being built (upstream's lock)
            SignedEntityType type;
            try {
                type = SignedEntityTypes.forTimePoint(kind, timePoint);
            } catch (IllegalStateException e) {
                if (warnedUnsupported.add(kind))
                    LOG.warnf("%s is not certified: %s", kind.variantName(), e.getMessage());
                continue;
            }
            if (!SignableBuilderService.supports(type)) {
                if (warnedUnsupported.add(kind)) {
                    LOG.warnf("%s is configured but not certified by this build yet", kind.variantName());
                }
                continue;
            }
            Optional<OpenMessage> existing = certifier.markOpenMessageIfExpired(type);
            if (existing.isEmpty()) {
                OpenMessage created = certifier.createOpenMessage(type, signables.computeProtocolMessage(type));
                LOG.infof("open message %s created for %s", created.id(), type);
                return Optional.of(created);
            }
            if (!existing.get().certified() && !existing.get().expired()) return existing;
        }
        return Optional.empty();
    }

    @Override
    public boolean isOpenMessageOutdated(SignedEntityType signedEntityType, TimePoint timePoint) {
        boolean expired = certifier
                .markOpenMessageIfExpired(signedEntityType)
                .map(OpenMessage::expired)
                .orElse(false);
        SignedEntityType now =
                SignedEntityTypes.forTimePoint(signedEntityType.discriminant().orElseThrow(), timePoint);
        return expired || !now.equals(signedEntityType);
    }

    @Override
    public Optional<Certificate> createCertificate(SignedEntityType signedEntityType) {
        Optional<Certificate> certificate = certifier.createCertificate(signedEntityType);
        certificate.ifPresent(c -> {
            // a Cardano database artifact is counted once built and stored, in the background
            if (ArtifactBuilderService.isDeferred(signedEntityType)) artifactWorker.submit(signedEntityType, c);
            else artifactProduced(signedEntityType);
        });
        return certificate;
    }

    private void artifactProduced(SignedEntityType type) {
        MithrilMetric metric = switch (type.discriminant().orElseThrow()) {
            case MITHRIL_STAKE_DISTRIBUTION -> MithrilMetric.ARTIFACT_MITHRIL_STAKE_DISTRIBUTION_TOTAL_PRODUCED;
            case CARDANO_STAKE_DISTRIBUTION -> MithrilMetric.ARTIFACT_CARDANO_STAKE_DISTRIBUTION_TOTAL_PRODUCED;
            case CARDANO_IMMUTABLE_FILES_FULL -> MithrilMetric.ARTIFACT_CARDANO_DB_TOTAL_PRODUCED;
            case CARDANO_DATABASE -> MithrilMetric.ARTIFACT_CARDANO_DATABASE_TOTAL_PRODUCED;
            case CARDANO_TRANSACTIONS -> MithrilMetric.ARTIFACT_CARDANO_TRANSACTION_TOTAL_PRODUCED;
            case CARDANO_BLOCKS_TRANSACTIONS -> null;
        };
        if (metric != null) metrics.increment(metric);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(STORE_TIMEOUT);
    }
}
