package io.mithrilj.aggregator.follower;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ErrorText;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.registration.FollowerSignerRegistration;
import io.mithrilj.aggregator.registration.SignerRegistration;
import io.mithrilj.aggregator.registration.SignerRegistrationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The follower role (LEADER_AGGREGATOR_ENDPOINT set): what the runtime asks of its leader — whether the leader is at
 * our epoch, the leader's next signers mirrored, the leader's protocol configuration, the leader's certificate chain
 * mirrored — and the state of each synchronisation, for readiness, the console and the logs. On a leader every
 * method is a no-op and {@link #enabled()} is false.
 *
 * <p>Beyond upstream, the certificate chain is also synchronised by its own job ({@link #synchronizeChainIfDue}) at
 * start-up and at each epoch change, whether or not our epoch matches the leader's, and independently of the signers:
 * a failure of one is kept in {@link #status()} and does not stop the other.
 */
@ApplicationScoped
public class FollowerService {
    private static final Logger LOG = Logger.getLogger(FollowerService.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofSeconds(60);

    /** A synchronisation that failed: when and why (one line). */
    public record Failure(Instant at, String message) {}

    /** What the follower knows of its leader and of its synchronisations; empty fields: not yet. */
    public record SyncStatus(
            String leaderEndpoint,
            Optional<Epoch> leaderEpoch,
            Optional<Instant> leaderSeenAt,
            Optional<Instant> lastChainSync,
            Optional<CertificateChainSynchronizer.SyncResult> lastChainResult,
            Optional<Failure> chainFailure,
            long certificatesMirrored,
            Optional<Instant> lastSignerSync,
            Optional<Epoch> signersSyncedFor,
            int signersMirrored,
            Optional<Failure> signerFailure) {

        /** Ready once the chain was synchronised (or found in sync) at least once since start. */
        public boolean chainSynchronizedOnce() {
            return lastChainSync.isPresent();
        }
    }

    private final Optional<String> endpoint;
    private final GenesisKeys genesisKeys;
    private final EpochService epochService;
    private final FollowerSignerRegistration registrations;
    private final StakePoolRepository stakePools;
    private final EpochSettingRepository epochSettings;
    private final CertificateRepository certificates;
    private final OpenMessageRepository openMessages;
    private final Stores stores;
    private final Clock clock;
    private final Duration leaderTimeout;
    private final long maxResponseBytes;
    private final ReentrantLock chainLock = new ReentrantLock();
    /** The leader's epoch settings that just let IDLE go on, for the signer synchronisation of that transition. */
    private final AtomicReference<EpochSettingsMessage> gateSettings = new AtomicReference<>();

    private volatile LeaderAggregator leader;
    private volatile CertificateChainSynchronizer synchronizer;
    private volatile Epoch leaderEpoch;
    private volatile Instant leaderSeenAt;
    private volatile Instant lastChainSync;
    private volatile Epoch chainSyncedAtEpoch;
    private volatile CertificateChainSynchronizer.SyncResult lastChainResult;
    private volatile Failure chainFailure;
    private volatile int chainFailures;
    private volatile Instant nextChainRetry = Instant.MIN;
    private volatile long certificatesMirrored;
    private volatile Instant lastSignerSync;
    private volatile Epoch signersSyncedFor;
    private volatile int signersMirrored;
    private volatile Failure signerFailure;

    FollowerService(
            AggregatorConfig config,
            GenesisKeys genesisKeys,
            EpochService epochService,
            FollowerSignerRegistration registrations,
            StakePoolRepository stakePools,
            EpochSettingRepository epochSettings,
            CertificateRepository certificates,
            OpenMessageRepository openMessages,
            Stores stores,
            @ConfigProperty(name = "mithril.follower.leader-timeout", defaultValue = "30s") Duration leaderTimeout,
            @ConfigProperty(name = "mithril.follower.max-response-bytes", defaultValue = "67108864")
                    long maxResponseBytes) {
        this.endpoint = config.leaderAggregatorEndpoint().map(String::strip).filter(e -> !e.isEmpty());
        this.genesisKeys = genesisKeys;
        this.epochService = epochService;
        this.registrations = registrations;
        this.stakePools = stakePools;
        this.epochSettings = epochSettings;
        this.certificates = certificates;
        this.openMessages = openMessages;
        this.stores = stores;
        this.clock = Clock.systemUTC();
        this.leaderTimeout = leaderTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Whether this aggregator follows a leader. */
    public boolean enabled() {
        return endpoint.isPresent();
    }

    /** The leader's client (followers only). */
    public LeaderAggregator leader() {
        LeaderAggregator l = leader;
        if (l == null) {
            synchronized (this) {
                if (leader == null) {
                    leader = new LeaderAggregatorClient(
                            endpoint.orElseThrow(() ->
                                    new IllegalStateException("not a follower: LEADER_AGGREGATOR_ENDPOINT is not set")),
                            leaderTimeout,
                            LeaderAggregatorClient.RetryPolicy.DEFAULT,
                            maxResponseBytes);
                }
                l = leader;
            }
        }
        return l;
    }

    /**
     * The genesis verification key the leader's chain is checked with: a follower must be given its leader's
     * (GENESIS_VERIFICATION_KEY); it never makes a genesis of its own.
     */
    public Ed25519VerificationKey genesisVerificationKey() {
        return CertificateChainSynchronizer.genesisVerificationKey(genesisKeys);
    }

    /**
     * Upstream {@code is_follower_aggregator_at_same_epoch_as_leader}: the leader's {@code /epoch-settings} epoch
     * equals ours. True on a leader.
     *
     * @throws FollowerException when the leader can not be read
     */
    public boolean atSameEpochAsLeader(Epoch ours) {
        if (!enabled()) return true;
        EpochSettingsMessage settings = leaderEpochSettings();
        boolean same = settings.epoch().equals(ours);
        // the transition this opens mirrors these same signers next (mainnet's message is megabytes): read once
        gateSettings.set(same ? settings : null);
        return same;
    }

    private EpochSettingsMessage leaderEpochSettings() {
        try {
            EpochSettingsMessage settings = leader().epochSettings();
            leaderEpoch = settings.epoch();
            leaderSeenAt = clock.instant();
            return settings;
        } catch (LeaderAggregatorException | MessageFormatException e) {
            throw new FollowerException("cannot read the leader's epoch settings: " + e.getMessage(), e);
        }
    }

    /**
     * The leader's protocol configuration of the epochs the epoch service reads at {@code epoch} (N−1, N and N+1,
     * upstream's {@code HttpMithrilNetworkConfigurationProvider}), recorded as our epoch settings where none is
     * recorded: the follower certifies with its leader's parameters, never with its own configuration.
     *
     * @throws FollowerException when the leader can not be read or has no configuration for one of them
     */
    public void mirrorProtocolConfiguration(Epoch epoch) {
        if (!enabled()) return;
        for (Epoch e : List.of(epoch.minus(1), epoch, epoch.next())) {
            if (await(epochSettings.find(e.value())).isPresent()) continue;
            String message;
            try {
                message = leader().protocolConfiguration(e.value())
                        .orElseThrow(() -> new FollowerException("the leader at " + leader().endpoint()
                                + " has no protocol configuration for epoch " + e));
            } catch (LeaderAggregatorException ex) {
                throw new FollowerException(
                        "cannot read the leader's protocol configuration of epoch " + e + ": " + ex.getMessage(), ex);
            }
            try {
                JsonNode root = MessageJson.parse(message);
                JsonNode parameters = root.get("protocol_parameters");
                if (parameters == null) {
                    throw new MessageFormatException("missing field protocol_parameters");
                }
                JsonNode signing = root.get("cardano_transactions_signing_config");
                await(epochSettings.saveIfAbsent(
                        e.value(),
                        CertificateJson.write(CertificateJson.readProtocolParameters(parameters)),
                        signing == null || signing.isNull() ? null : MessageJson.write(signing)));
            } catch (MessageFormatException ex) {
                throw new FollowerException(
                        "the leader's protocol configuration of epoch " + e + " is malformed: " + ex.getMessage(), ex);
            }
            LOG.infof("protocol configuration of epoch %s recorded from the leader", e);
        }
    }

    /**
     * Upstream {@code synchronize_all_signers}: the leader's next signers, registered for the leader's epoch, each
     * verified against our own chain's stake distribution of that epoch, recorded, then the epoch service's next
     * signers computed again. A no-op on a leader.
     *
     * @throws FollowerException naming what failed (the leader, a registration that does not verify, no stakes)
     */
    public void synchronizeSigners() {
        if (!enabled()) return;
        try {
            EpochSettingsMessage gate = gateSettings.getAndSet(null);
            EpochSettingsMessage settings = gate != null ? gate : leaderEpochSettings();
            Epoch registrationEpoch = settings.epoch(); // upstream's leader synchronisation offset is 0
            StakeDistribution stakes = await(stakePools.distribution(registrationEpoch.value()))
                    .map(StakeDistribution::of)
                    .orElseThrow(() -> new FollowerException("no stake distribution recorded for epoch "
                            + registrationEpoch
                            + ": the leader's signers are verified against our own chain's stakes, recorded one"
                            + " epoch ahead (a follower started during epoch " + registrationEpoch.minus(1)
                            + " or later mirrors signers from the next epoch on)"));
            List<SignerRegistration> decoded =
                    new ArrayList<>(settings.nextSigners().size());
            for (EpochSettingsMessage.Signer s : settings.nextSigners()) {
                try {
                    decoded.add(SignerRegistration.decode(
                            s.partyId(),
                            s.verificationKey(),
                            s.verificationKeySignature().orElse(null),
                            s.operationalCertificate().orElse(null),
                            s.kesPeriod().isPresent() ? s.kesPeriod().getAsLong() : null));
                } catch (SignerRegistrationException e) {
                    throw new FollowerException(
                            "the leader's registration of " + s.partyId() + " does not decode: " + e.getMessage(), e);
                }
            }
            int recorded;
            try {
                recorded = registrations.recordLeaderRegistrations(registrationEpoch, decoded, stakes);
            } catch (SignerRegistrationException e) {
                throw new FollowerException(
                        "a registration of the leader for epoch " + registrationEpoch + " does not verify: "
                                + e.getMessage(),
                        e);
            }
            epochService.updateNextSignersWithStake();
            lastSignerSync = clock.instant();
            signersSyncedFor = registrationEpoch;
            signersMirrored = recorded;
            signerFailure = null;
            LOG.infof("%d signers of epoch %s mirrored from the leader", recorded, registrationEpoch);
        } catch (RuntimeException e) {
            signerFailure = new Failure(clock.instant(), ErrorText.oneLine(e));
            throw e instanceof FollowerException f ? f : new FollowerException(ErrorText.oneLine(e), e);
        }
    }

    /**
     * Upstream {@code synchronize_certificate_chain(force)}, serialised with the chain job's. A no-op on a leader.
     *
     * @throws FollowerException (or {@link CertificateChainSyncException}) naming what failed; nothing stored then
     */
    public void synchronizeChain(boolean force, Epoch ourEpoch) {
        if (!enabled()) return;
        chainLock.lock();
        try {
            CertificateChainSynchronizer.SyncResult result = synchronizer().synchronize(force);
            lastChainSync = clock.instant();
            lastChainResult = result;
            chainSyncedAtEpoch = ourEpoch;
            certificatesMirrored += result.stored();
            chainFailure = null;
            chainFailures = 0;
        } catch (RuntimeException e) {
            chainFailure = new Failure(clock.instant(), ErrorText.oneLine(e));
            chainFailures++;
            long backoff = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(chainFailures - 1, 10));
            nextChainRetry = clock.instant().plusMillis(backoff);
            throw e;
        } finally {
            chainLock.unlock();
        }
    }

    /**
     * The chain job's step: synchronise at start-up (the first call), when our epoch moved since the last success,
     * and after a failure once its back-off (2 s doubling to 60 s) has passed — forced, as the runtime does, when
     * our local chain does not verify at this epoch (e.g. it lags the leader's by more than an epoch because this
     * follower got no signatures). Never throws: a failure is logged once per message and kept in {@link #status()}.
     *
     * @param localChainInvalid asked only when a synchronisation is due
     * @return whether a synchronisation was attempted
     */
    public boolean synchronizeChainIfDue(Epoch ourEpoch, BooleanSupplier localChainInvalid) {
        if (!enabled()) return false;
        boolean due = lastChainSync == null || !ourEpoch.equals(chainSyncedAtEpoch);
        if (!due) return false;
        if (chainFailure != null && clock.instant().isBefore(nextChainRetry)) return false;
        String previous = chainFailure == null ? null : chainFailure.message();
        try {
            synchronizeChain(localChainInvalid.getAsBoolean(), ourEpoch);
            if (previous != null) LOG.infof("certificate chain synchronised again with the leader");
        } catch (RuntimeException e) {
            String message = ErrorText.oneLine(e);
            if (!message.equals(previous)) {
                LOG.warnf("certificate chain synchronisation with the leader failed, will retry: %s", message);
            } else {
                LOG.debugf("certificate chain synchronisation failed again: %s", message);
            }
        }
        return true;
    }

    /** The state of the synchronisations. */
    public SyncStatus status() {
        return new SyncStatus(
                endpoint.orElse(""),
                Optional.ofNullable(leaderEpoch),
                Optional.ofNullable(leaderSeenAt),
                Optional.ofNullable(lastChainSync),
                Optional.ofNullable(lastChainResult),
                Optional.ofNullable(chainFailure),
                certificatesMirrored,
                Optional.ofNullable(lastSignerSync),
                Optional.ofNullable(signersSyncedFor),
                signersMirrored,
                Optional.ofNullable(signerFailure));
    }

    private CertificateChainSynchronizer synchronizer() {
        CertificateChainSynchronizer s = synchronizer;
        if (s == null) {
            s = new CertificateChainSynchronizer(
                    leader(), genesisVerificationKey(), certificates, openMessages, stores);
            synchronizer = s;
        }
        return s;
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(STORE_TIMEOUT);
    }
}
