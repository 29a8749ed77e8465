package io.mithrilj.aggregator.follower;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.CertificateVerifierException;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.VerifiedCertificateCache;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.persistence.CertificateFields;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository.StoredOpenMessage;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Upstream {@code MithrilCertificateChainSynchronizer}: a follower copies its leader's certificate chain into its own
 * stores. Unless forced, it does so only when the local genesis certificate is missing or differs from the leader's.
 * It walks from the leader's latest certificate to the genesis, verifying each certificate and keeping one per epoch
 * (the first of each epoch, plus the genesis); only once the whole chain verified does it store the kept certificates,
 * genesis first, and a certified open message for the newest one, all in one transaction.
 */
public final class CertificateChainSynchronizer {

    private static final Logger LOG = Logger.getLogger(CertificateChainSynchronizer.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    /** Upstream's {@code SyncStatus}: why a synchronisation ran, or why it did not. */
    public enum SyncState {
        FORCED,
        NO_LOCAL_GENESIS,
        REMOTE_GENESIS_MATCHES_LOCAL_GENESIS,
        REMOTE_GENESIS_DOESNT_MATCH_LOCAL_GENESIS;

        public boolean shouldSync() {
            return this != REMOTE_GENESIS_MATCHES_LOCAL_GENESIS;
        }
    }

    /**
     * What a synchronisation did.
     *
     * @param stored the number of certificates stored (0 when there was nothing to do)
     * @param latestEpoch the epoch of the newest certificate stored, empty when there was nothing to do
     */
    public record SyncResult(SyncState state, int stored, Optional<Epoch> latestEpoch, Duration took) {}

    /** Verifies one certificate and returns its parent, empty for a genesis ({@code verifyCertificate}). */
    @FunctionalInterface
    interface CertificateCheck {
        Optional<Certificate> verify(Certificate certificate) throws CertificateVerifierException;
    }

    /** The check of one walk down the leader's chain; closing it drops what it still fetches from the leader. */
    @FunctionalInterface
    interface WalkCheck extends CertificateCheck, AutoCloseable {
        @Override
        default void close() {}
    }

    private final LeaderAggregator leader;
    private final Supplier<WalkCheck> walkChecks;
    private final CertificateRepository certificates;
    private final OpenMessageRepository openMessages;
    private final Stores stores;
    private final Clock clock;
    private final long maxChainLength;

    public CertificateChainSynchronizer(
            LeaderAggregator leader,
            Ed25519VerificationKey genesisVerificationKey,
            CertificateRepository certificates,
            OpenMessageRepository openMessages,
            Stores stores) {
        this(
                leader,
                genesisVerificationKey,
                certificates,
                openMessages,
                stores,
                Clock.systemUTC(),
                CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);
    }

    /** @param maxChainLength the most certificates a walk from the leader's latest to its genesis may meet */
    public CertificateChainSynchronizer(
            LeaderAggregator leader,
            Ed25519VerificationKey genesisVerificationKey,
            CertificateRepository certificates,
            OpenMessageRepository openMessages,
            Stores stores,
            Clock clock,
            long maxChainLength) {
        this(
                leader,
                prefetchingWalkChecks(leader, genesisVerificationKey),
                certificates,
                openMessages,
                stores,
                clock,
                maxChainLength);
    }

    /** With a check of its own for every walk (tests). */
    CertificateChainSynchronizer(
            LeaderAggregator leader,
            CertificateCheck check,
            CertificateRepository certificates,
            OpenMessageRepository openMessages,
            Stores stores,
            Clock clock,
            long maxChainLength) {
        this(leader, everyWalk(check), certificates, openMessages, stores, clock, maxChainLength);
    }

    private static Supplier<WalkCheck> everyWalk(CertificateCheck check) {
        Objects.requireNonNull(check, "check");
        return () -> check::verify;
    }

    private CertificateChainSynchronizer(
            LeaderAggregator leader,
            Supplier<WalkCheck> walkChecks,
            CertificateRepository certificates,
            OpenMessageRepository openMessages,
            Stores stores,
            Clock clock,
            long maxChainLength) {
        this.leader = Objects.requireNonNull(leader, "leader");
        this.walkChecks = walkChecks;
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.openMessages = Objects.requireNonNull(openMessages, "openMessages");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxChainLength < 1) throw new IllegalArgumentException("maxChainLength < 1: " + maxChainLength);
        this.maxChainLength = maxChainLength;
    }

    /**
     * The check of each walk: upstream's certificate verifier with the genesis key and no cache, whose retriever is
     * the leader one certificate ahead ({@link PrefetchingCertificateRetriever}): the leader's answer for a parent is
     * on its way while the child is verified; each multi-signature is decoded once, when its certificate is parsed,
     * and verified as decoded ({@link DecodedMultiSignatures}). Every certificate is verified as before, in the same
     * order.
     */
    private static Supplier<WalkCheck> prefetchingWalkChecks(
            LeaderAggregator leader, Ed25519VerificationKey genesisVerificationKey) {
        Objects.requireNonNull(leader, "leader");
        if (genesisVerificationKey == null) throw missingGenesisVerificationKey();
        GenesisSignatureVerifier genesisVerifier = GenesisSignatureVerifier.ed25519(genesisVerificationKey);
        return () -> {
            DecodedMultiSignatures multiSignatures = new DecodedMultiSignatures();
            PrefetchingCertificateRetriever retriever =
                    new PrefetchingCertificateRetriever(hash -> leader.getCertificateDetails(hash, multiSignatures));
            CertificateChainVerifier verifier = new CertificateChainVerifier(
                    retriever,
                    multiSignatures,
                    genesisVerifier,
                    VerifiedCertificateCache.disabled(),
                    CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);
            return new WalkCheck() {
                @Override
                public Optional<Certificate> verify(Certificate certificate) throws CertificateVerifierException {
                    return verifier.verifyCertificate(certificate);
                }

                @Override
                public void close() {
                    retriever.close();
                }
            };
        };
    }

    /**
     * The genesis verification key a follower verifies its leader's chain with; a follower without one is
     * misconfigured.
     */
    public static Ed25519VerificationKey genesisVerificationKey(GenesisKeys keys) {
        try {
            return keys.verificationKey().orElseThrow(CertificateChainSynchronizer::missingGenesisVerificationKey);
        } catch (FollowerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FollowerException("GENESIS_VERIFICATION_KEY can not be decoded: " + describe(e), e);
        }
    }

    private static FollowerException missingGenesisVerificationKey() {
        return new FollowerException("no genesis verification key: a follower aggregator verifies the certificate"
                + " chain of its leader with it, set GENESIS_VERIFICATION_KEY");
    }

    /**
     * Synchronize the local certificate chain with the leader's (upstream {@code synchronize_certificate_chain}).
     *
     * <p>Blocking (the leader's HTTP calls, the store): never on an event loop.
     *
     * @param force synchronize even when the local genesis certificate is the leader's
     * @throws CertificateChainSyncException naming what failed; nothing was stored then
     */
    public SyncResult synchronize(boolean force) {
        long start = System.nanoTime();
        SyncState state = checkSyncState(force);
        if (!state.shouldSync()) {
            LOG.infof("No need to synchronize certificate chain (sync state: %s)", state);
            return new SyncResult(state, 0, Optional.empty(), since(start));
        }
        LOG.infof("Start synchronizing certificate chain (sync state: %s)", state);

        Certificate startingPoint = latestRemoteCertificate();
        List<Certificate> chain;
        try (WalkCheck check = walkChecks.get()) {
            chain = retrieveAndValidateRemoteCertificateChain(check, startingPoint);
        }
        Certificate latest = chain.getLast();
        store(chain, openMessageOf(latest));

        Duration took = since(start);
        LOG.infof(
                "Certificate chain synchronized with remote source: %d certificates stored, latest epoch %d, in %d ms",
                chain.size(), latest.epoch().value(), took.toMillis());
        return new SyncResult(state, chain.size(), Optional.of(latest.epoch()), took);
    }

    private SyncState checkSyncState(boolean force) {
        if (force) return SyncState.FORCED;
        String context = "Failed to check if certificate chain should be sync (force: `" + force + "`)";
        Optional<Certificate> localGenesis;
        try {
            localGenesis = certificates
                    .findLatestGenesisMessage()
                    .await()
                    .atMost(STORE_TIMEOUT)
                    .map(CertificateJson::readCertificate);
        } catch (RuntimeException e) {
            throw new CertificateChainSyncException(
                    context + ": can not read the local genesis certificate: " + describe(e), e);
        }
        if (localGenesis.isEmpty()) return SyncState.NO_LOCAL_GENESIS;
        Optional<Certificate> remoteGenesis;
        try {
            remoteGenesis = leader.genesisCertificate();
        } catch (LeaderAggregatorException | RuntimeException e) {
            throw new CertificateChainSyncException(context + ": " + describe(e), e);
        }
        if (remoteGenesis.isEmpty()) {
            throw new CertificateChainSyncException(context + ": Remote aggregator doesn't have a chain yet");
        }
        // upstream's certificate equality: same epoch and same hash
        return remoteGenesis.get().equals(localGenesis.get())
                ? SyncState.REMOTE_GENESIS_MATCHES_LOCAL_GENESIS
                : SyncState.REMOTE_GENESIS_DOESNT_MATCH_LOCAL_GENESIS;
    }

    private Certificate latestRemoteCertificate() {
        Optional<Certificate> latest;
        try {
            latest = leader.latestCertificate();
        } catch (LeaderAggregatorException | RuntimeException e) {
            throw new CertificateChainSyncException(describe(e), e);
        }
        return latest.orElseThrow(() -> new CertificateChainSyncException(
                "Remote aggregator doesn't have a chain yet: Failed to retrieve latest remote certificate details"));
    }

    /**
     * From {@code startingPoint} to the genesis, each certificate verified (its parent fetched from the leader); kept:
     * the genesis and every certificate whose parent is of another epoch, plus, once one is kept, all that follow.
     * Returned from the genesis to the newest.
     */
    private List<Certificate> retrieveAndValidateRemoteCertificateChain(
            CertificateCheck check, Certificate startingPoint) {
        Deque<Certificate> validated = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Certificate certificate = startingPoint;
        while (true) {
            String hash = certificate.hash();
            if (!seen.add(hash)) {
                throw chainFailure("certificate `" + hash + "` comes twice in the chain (a cycle)", null);
            }
            if (seen.size() > maxChainLength) {
                throw chainFailure(
                        "the chain is longer than " + maxChainLength + " certificates (at certificate `" + hash + "`)",
                        null);
            }
            Optional<Certificate> parent;
            try {
                parent = check.verify(certificate);
            } catch (CertificateVerifierException e) {
                throw chainFailure("Failed to verify certificate: `" + hash + "`: " + e.reason(), e);
            } catch (RuntimeException e) {
                throw chainFailure("Failed to verify certificate: `" + hash + "`: " + describe(e), e);
            }
            if (parent.isEmpty()) {
                validated.addFirst(certificate);
                break;
            }
            // the first certificates of the walk may follow the first of their epoch: one per epoch is enough
            if (!validated.isEmpty() || !parent.get().epoch().equals(certificate.epoch())) {
                validated.addFirst(certificate);
            }
            certificate = parent.get();
        }
        return List.copyOf(validated);
    }

    private static CertificateChainSyncException chainFailure(String what, Throwable cause) {
        return new CertificateChainSyncException(
                "Failed to retrieve and validate remote certificate chain: " + what, cause);
    }

    /** Upstream {@code prepare_open_message_to_store}: certified, not expired, no expiry, created now. */
    private StoredOpenMessage openMessageOf(Certificate latest) {
        SignedEntityType type = new SignedEntityType.MithrilStakeDistribution(latest.epoch());
        return new StoredOpenMessage(
                UUID.randomUUID(),
                latest.epoch().value(),
                type.index(),
                type.beaconJson(),
                CertificateJson.write(latest.protocolMessage()),
                true,
                false,
                Rfc3339.format(clock.instant()),
                null);
    }

    /** Every certificate (insert or replace, genesis first) and the open message, in one transaction. */
    private void store(List<Certificate> chain, StoredOpenMessage openMessage) {
        List<CertificateFields> rows = new ArrayList<>(chain.size());
        try {
            for (Certificate c : chain) rows.add(CertificateFields.of(CertificateMessage.fromCertificate(c)));
        } catch (RuntimeException e) {
            throw new CertificateChainSyncException(
                    "Failed to store remote retrieved certificate chain: " + describe(e), e);
        }
        try {
            stores.inTransaction(tx -> {
                        Uni<Void> certificatesSaved = Uni.createFrom().voidItem();
                        for (CertificateFields row : rows) {
                            certificatesSaved = certificatesSaved.chain(() -> certificates.save(tx, row));
                        }
                        return certificatesSaved
                                .onFailure()
                                .transform(e ->
                                        new StoreStepFailure("Failed to store remote retrieved certificate chain", e))
                                .chain(() -> openMessages
                                        .insertOrReplace(tx, openMessage)
                                        .onFailure()
                                        .transform(e -> new StoreStepFailure(
                                                "Failed to store open message when synchronizing certificate chain",
                                                e)));
                    })
                    .await()
                    .atMost(STORE_TIMEOUT);
        } catch (StoreStepFailure e) {
            throw new CertificateChainSyncException(e.getMessage() + ": " + describe(e.getCause()), e.getCause());
        } catch (RuntimeException e) {
            throw new CertificateChainSyncException(
                    "Failed to store remote retrieved certificate chain: " + describe(e), e);
        }
    }

    /** Which step of the store transaction failed (upstream's context), carrying the store's error as cause. */
    private static final class StoreStepFailure extends RuntimeException {
        StoreStepFailure(String step, Throwable cause) {
            super(step, cause, false, false);
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A one-line description of an error: its message, or its type when it has none. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) message = e.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
