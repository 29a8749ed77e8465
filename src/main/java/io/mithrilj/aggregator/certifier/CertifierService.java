package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.artifact.ArtifactBuilderService;
import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.CertificateFactory;
import io.mithrilj.aggregator.certificate.CertificateRetrieverException;
import io.mithrilj.aggregator.certificate.CertificateVerifierException;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.KeptMultiSignatures;
import io.mithrilj.aggregator.certificate.MultiSigner;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.persistence.ArtifactFields;
import io.mithrilj.aggregator.persistence.BufferedSingleSignatureRepository;
import io.mithrilj.aggregator.persistence.CertificateFields;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository.StoredOpenMessage;
import io.mithrilj.aggregator.persistence.SignedEntityRepository;
import io.mithrilj.aggregator.persistence.SingleSignatureRepository;
import io.mithrilj.aggregator.persistence.SingleSignatureRepository.StoredSingleSignature;
import io.mithrilj.aggregator.persistence.Stores;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Upstream {@code MithrilCertifierService} wrapped in its {@code BufferedCertifierService} (spec aggregator-runtime.md
 * §10): open messages, single signatures (buffered while their open message does not exist), the certificate of an
 * open message once its quorum is reached — stored with its artifact in one transaction — and the check of the local
 * chain at each epoch transition.
 */
@ApplicationScoped
public class CertifierService {
    private static final Logger LOG = Logger.getLogger(CertifierService.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    /** What became of a single signature. */
    public enum SignatureOutcome {
        /** Stored against its open message (HTTP 201). */
        REGISTERED,
        /** Its open message does not exist yet: kept until it does (HTTP 202). */
        BUFFERED
    }

    private final OpenMessageRepository openMessages;
    private final SingleSignatureRepository singleSignatures;
    private final SingleSignatureWriter signatureWriter;
    private final BufferedSingleSignatureRepository bufferedSignatures;
    private final CertificateRepository certificates;
    private final SignedEntityRepository signedEntities;
    private final Stores stores;
    private final EpochService epochService;
    private final ArtifactBuilderService artifacts;
    private final GenesisKeys genesisKeys;
    private final ApiSettings settings;
    private final Event<OpenMessage> opened;
    /**
     * Single signatures this process stored, as decoded and verified then (over their open message's signed message,
     * with the epoch's signers), by their stored text: the certificate neither decodes nor checks them again.
     */
    private final Map<String, VerifiedSignature> decoded = new ConcurrentHashMap<>();

    private record VerifiedSignature(StmSingleSignature signature, UUID openMessageId) {}
    /**
     * The open messages signatures were last stored against, by type and beacon: a signature is then stored in one
     * statement (which itself checks the open message is still open), without reading the open message first.
     */
    private final Map<String, OpenMessage> openForSignatures = new ConcurrentHashMap<>();
    /** The signed message of each open message, hashed once rather than at every signature. */
    private final Map<UUID, String> signedMessages = new ConcurrentHashMap<>();

    private volatile CertificateChainVerifier verifier;
    private volatile Ed25519VerificationKey verifierKey;

    CertifierService(
            OpenMessageRepository openMessages,
            SingleSignatureRepository singleSignatures,
            BufferedSingleSignatureRepository bufferedSignatures,
            CertificateRepository certificates,
            SignedEntityRepository signedEntities,
            Stores stores,
            EpochService epochService,
            ArtifactBuilderService artifacts,
            GenesisKeys genesisKeys,
            ApiSettings settings,
            Event<OpenMessage> opened) {
        this.openMessages = openMessages;
        this.singleSignatures = singleSignatures;
        this.signatureWriter = new SingleSignatureWriter(singleSignatures, STORE_TIMEOUT);
        this.bufferedSignatures = bufferedSignatures;
        this.certificates = certificates;
        this.signedEntities = signedEntities;
        this.stores = stores;
        this.epochService = epochService;
        this.artifacts = artifacts;
        this.genesisKeys = genesisKeys;
        this.settings = settings;
        this.opened = opened;
    }

    /**
     * Stores ahead the large parts of the artifacts this epoch's certificates will carry (see {@link
     * ArtifactBuilderService#storeAhead}): done by the epoch transition, before the open messages exist.
     */
    public void storeArtifactPartsAhead(Epoch epoch, Collection<SignedEntityTypeDiscriminant> signedTypes) {
        artifacts.storeAhead(epoch, signedTypes);
    }

    /** A new epoch: open messages of earlier epochs go, with their single signatures. */
    public void informEpoch(Epoch epoch) {
        await(openMessages.deleteBeforeEpoch(epoch.value()));
        decoded.clear();
        signedMessages.clear();
        openForSignatures.clear();
    }

    /** Marks the open message of this type and beacon expired when its time is up; returns it, if it exists. */
    public Optional<OpenMessage> markOpenMessageIfExpired(SignedEntityType type) {
        return await(openMessages.markExpiredIfTimedOut(type.index(), type.beaconJson(), Rfc3339.format(Instant.now())))
                .map(CertifierService::toOpenMessage);
    }

    public Optional<OpenMessage> openMessage(SignedEntityType type) {
        return await(openMessages.find(type.index(), type.beaconJson())).map(CertifierService::toOpenMessage);
    }

    /** The open messages of an epoch (the devnet's signers and the console read them). */
    public List<OpenMessage> openMessagesOfEpoch(Epoch epoch) {
        return await(openMessages.latestOfEpoch(epoch.value())).stream()
                .map(CertifierService::toOpenMessage)
                .toList();
    }

    /** How many single signatures are stored against an open message (the console shows them against the quorum). */
    public long signatureCount(OpenMessage message) {
        return await(singleSignatures.count(message.id()));
    }

    /**
     * Creates the open message of a signed entity (spec §10.1), then replays the signatures buffered for its kind;
     * a replay failure is logged and the open message still used.
     */
    public OpenMessage createOpenMessage(SignedEntityType type, ProtocolMessage message) {
        Instant now = Instant.now();
        StoredOpenMessage row = new StoredOpenMessage(
                UUID.randomUUID(),
                type.signedAtEpoch().value(),
                type.index(),
                type.beaconJson(),
                CertificateJson.write(message),
                false,
                false,
                Rfc3339.format(now),
                Rfc3339.format(now.plus(type.discriminant().orElseThrow().openMessageTimeout())));
        await(openMessages.insert(row));
        OpenMessage open = toOpenMessage(row);
        try {
            replayBufferedSignatures(open);
        } catch (RuntimeException e) {
            LOG.warnf("replaying the buffered signatures of %s failed: %s", type, e.getMessage());
        }
        opened.fireAsync(open); // e.g. the devnet's signers sign it at once
        return open;
    }

    private void replayBufferedSignatures(OpenMessage open) {
        List<String> replayed = new ArrayList<>();
        for (var buffered :
                await(bufferedSignatures.forType(open.signedEntityType().index()))) {
            StmSingleSignature signature;
            try {
                signature = StmSingleSignature.decode(buffered.signature());
            } catch (StmException e) {
                continue; // stored after decoding: cannot happen, and never blocks the others
            }
            try {
                store(open, buffered.partyId(), signature, Optional.empty());
                replayed.add(buffered.partyId());
            } catch (SignatureRefusedException.Invalid e) {
                // upstream keeps it (never pruned, only overwritten by the party's next signature)
            }
        }
        if (!replayed.isEmpty()) {
            await(bufferedSignatures.deleteAll(open.signedEntityType().index(), replayed));
            LOG.infof("%d buffered signatures replayed on %s", replayed.size(), open.signedEntityType());
        }
    }

    /**
     * Registers an authenticated single signature (spec §10.3 step 5): against its open message, or buffered when
     * there is none yet.
     *
     * @param verifiedMessage the signed message this signature was just verified over with the current signers, if
     *     it was: when it is the open message's, the same check is not made twice
     * @throws SignatureRefusedException when the open message is certified or expired (410), or the signature does
     *     not verify against it (500, as upstream)
     */
    public SignatureOutcome registerSingleSignature(
            SignedEntityType type, String partyId, StmSingleSignature signature, Optional<String> verifiedMessage) {
        String key = type.index() + ":" + type.beaconJson();
        OpenMessage known = openForSignatures.get(key);
        if (known != null) {
            if (storeIfOpen(known, partyId, signature, verifiedMessage)) return SignatureOutcome.REGISTERED;
            openForSignatures.remove(key, known); // certified, expired or gone: read it again
        }
        Optional<OpenMessage> open = openMessage(type);
        if (open.isEmpty()) {
            await(bufferedSignatures.save(new BufferedSingleSignatureRepository.BufferedSignature(
                    type.index(),
                    partyId,
                    indexesJson(signature.indexes()),
                    signature.toJsonHex(),
                    Rfc3339.format(Instant.now()))));
            return SignatureOutcome.BUFFERED;
        }
        OpenMessage message = open.get();
        if (message.certified()) throw new SignatureRefusedException.AlreadyCertified(type);
        if (message.expired()) throw new SignatureRefusedException.Expired(type);
        if (storeIfOpen(message, partyId, signature, verifiedMessage)) {
            openForSignatures.put(key, message);
            return SignatureOutcome.REGISTERED;
        }
        // certified or expired between the read and the insert
        OpenMessage now = openMessage(type).orElse(message);
        if (now.expired()) throw new SignatureRefusedException.Expired(type);
        throw new SignatureRefusedException.AlreadyCertified(type);
    }

    /** {@link #store} for a signature received, in one statement that checks the open message is still open. */
    private boolean storeIfOpen(
            OpenMessage message, String partyId, StmSingleSignature signature, Optional<String> verifiedMessage) {
        String text = checked(message, partyId, signature, verifiedMessage);
        boolean stored = signatureWriter.storeIfOpen(stored(message, partyId, signature, text));
        if (stored) decoded.put(text, new VerifiedSignature(signature, message.id()));
        return stored;
    }

    private void store(
            OpenMessage message, String partyId, StmSingleSignature signature, Optional<String> verifiedMessage) {
        String text = checked(message, partyId, signature, verifiedMessage);
        await(singleSignatures.save(stored(message, partyId, signature, text)));
        decoded.put(text, new VerifiedSignature(signature, message.id()));
    }

    /** Verifies the signature against the open message unless that was done; its stored text. */
    private String checked(
            OpenMessage message, String partyId, StmSingleSignature signature, Optional<String> verifiedMessage) {
        String signedMessage = signedMessages.computeIfAbsent(
                message.id(), id -> message.protocolMessage().computeHash());
        if (!verifiedMessage.filter(signedMessage::equals).isPresent()) {
            MultiSigner current = epochService.multiSigners().current();
            try {
                current.verifySingleSignature(signedMessage, partyId, signature);
            } catch (RuntimeException e) {
                throw new SignatureRefusedException.Invalid(message.signedEntityType(), partyId, e);
            }
        }
        return signature.toJsonHex();
    }

    private static StoredSingleSignature stored(
            OpenMessage message, String partyId, StmSingleSignature signature, String text) {
        return new StoredSingleSignature(
                message.id(),
                partyId,
                message.epoch().minus(1).value(),
                indexesJson(signature.indexes()),
                text,
                Rfc3339.format(Instant.now()));
    }

    /**
     * The certificate of the open message of {@code type} once its single signatures reach the quorum (spec §10.6):
     * aggregated with the current multi-signer, chained to the master certificate of its epoch, verified, then
     * stored with the open message marked certified and its artifact, in one transaction. Empty while the quorum is
     * not reached.
     */
    public Optional<Certificate> createCertificate(SignedEntityType type) {
        OpenMessage open =
                openMessage(type).orElseThrow(() -> new CertifierException("No open message found for " + type));
        if (open.certified()) throw new CertifierException("Open message for beacon " + type + " already certified.");
        if (open.expired()) throw new CertifierException("Open message for beacon " + type + " is expired.");
        long start = System.nanoTime();
        List<StoredSingleSignature> stored = await(singleSignatures.forOpenMessage(open.id()));
        List<StmSingleSignature> signatures = new ArrayList<>(stored.size());
        // the ones this process verified over this open message when they arrived (others, e.g. stored by another
        // replica or before a restart, are checked by the aggregation as upstream checks them all)
        Set<StmSingleSignature> verifiedOnArrival = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> parties = new HashSet<>();
        for (StoredSingleSignature s : stored) {
            try {
                VerifiedSignature known = decoded.get(s.signature());
                if (known != null && known.openMessageId().equals(open.id())) {
                    signatures.add(known.signature());
                    verifiedOnArrival.add(known.signature());
                } else {
                    signatures.add(StmSingleSignature.decode(s.signature()));
                }
                parties.add(s.signerId());
            } catch (StmException e) {
                throw new CertifierException("stored single signature of " + s.signerId() + " does not decode", e);
            }
        }
        EpochService.EpochData data = epochService.data();
        MultiSigner current = epochService.multiSigners().current();
        long loaded = System.nanoTime();
        if (distinctIndexes(signatures) < current.protocolParameters().k()) {
            // fewer lottery indices than the quorum, whoever won them: no aggregation can reach it
            LOG.debugf("%s: %d single signatures, quorum not reached", type, signatures.size());
            return Optional.empty();
        }
        String signedMessage = open.protocolMessage().computeHash();
        // from here to the stored certificate, the cores are this cycle's (every CPU slot): a burst of signatures still
        // arriving waits in its queue for the ~100 ms this takes, instead of stretching the certificate to several
        // times that and keeping the open message open for longer
        long aggregated;
        long checked;
        long verified;
        Certificate certificate;
        try (CpuSlots.Slot slots = CpuSlots.takeAll()) {
            Optional<StmAggregateSignature> aggregate =
                    current.aggregate(signatures, signedMessage, verifiedOnArrival::contains);
            aggregated = System.nanoTime();
            if (aggregate.isEmpty()) {
                LOG.debugf("%s: %d single signatures, quorum not reached", type, signatures.size());
                return Optional.empty();
            }
            Certificate parent = await(
                            certificates.masterCertificateMessage(open.epoch().value()))
                    .map(CertificateJson::readCertificate)
                    .orElseThrow(() -> new CertifierException("No parent certificate found for epoch " + open.epoch()));
            Instant sealedAt = Instant.now();
            String multiSignatureHex = aggregate.get().toJsonHex();
            certificate = CertificateFactory.standard(
                    parent.hash(),
                    open.epoch(),
                    settings.network(),
                    data.currentProtocolParameters(),
                    open.createdAt(),
                    sealedAt,
                    data.currentSigners(),
                    parties,
                    open.protocolMessage(),
                    current.aggregateVerificationKeyJsonHex(),
                    type,
                    multiSignatureHex);
            // upstream's check of the new certificate, on the parent just read and the aggregate just made
            // (not fetched and decoded again)
            try {
                verifierOf(multiSignatureHex, aggregate.get()).verifyStandardCertificate(certificate, parent);
            } catch (CertificateVerifierException e) {
                throw new CertifierException(
                        "the new certificate of " + type + " does not verify: " + e.getMessage(), e);
            }
            checked = System.nanoTime();
            // a Cardano database artifact (archives, uploads: minutes on mainnet) is built after, in the background
            ArtifactFields artifact =
                    ArtifactBuilderService.isDeferred(type) ? null : artifacts.build(type, certificate, sealedAt);
            CertificateFields fields = CertificateFields.of(CertificateMessage.fromCertificate(certificate));
            verified = System.nanoTime();
            // the open message is marked first, and only if no one did: a replica that still believes it runs the
            // runtime (its lease lost a moment ago) cannot certify the same open message twice
            await(stores.inTransaction(on -> openMessages
                    .markCertified(on, open.id())
                    .invoke(marked -> {
                        if (!marked)
                            throw new CertifierException("Open message for beacon " + type + " already certified.");
                    })
                    .chain(() -> certificates.save(on, fields))
                    .chain(() -> artifact == null ? Uni.createFrom().voidItem() : signedEntities.save(on, artifact))));
        }
        long end = System.nanoTime();
        LOG.infof(
                "certificate %s of %s: %d single signatures, made in %.1f ms (load %.1f, aggregate %.1f, verify %.1f,"
                        + " artifact %.1f, store %.1f)",
                certificate.hash(),
                type,
                signatures.size(),
                (end - start) / 1e6,
                (loaded - start) / 1e6,
                (aggregated - loaded) / 1e6,
                (checked - aggregated) / 1e6,
                (verified - checked) / 1e6,
                (end - verified) / 1e6);
        return Optional.of(certificate);
    }

    /**
     * Upstream {@code verify_certificate_chain(epoch)}: the latest certificate must be of this epoch or the one
     * before, and the chain from it must verify down to the genesis.
     *
     * @throws CertifierException naming what is wrong
     */
    public void verifyCertificateChain(Epoch epoch) {
        Certificate latest = await(certificates.latestMessage())
                .map(CertificateJson::readCertificate)
                .orElseThrow(() -> new CertifierException("Could not find last certificate"));
        if (latest.epoch().hasGapWith(epoch)) {
            throw new CertifierException(
                    "Certificate epoch gap: certificate epoch " + latest.epoch() + ", current epoch " + epoch);
        }
        try {
            verifier().verifyChain(latest);
        } catch (CertificateVerifierException e) {
            throw new CertifierException(
                    "the certificate chain from " + latest.hash() + " is invalid: " + e.getMessage(), e);
        }
    }

    /** The epoch of the most recently stored certificate, if any. */
    public Optional<Epoch> latestCertificateEpoch() {
        return await(certificates.latestEpoch()).map(Epoch::new);
    }

    /** Whether a genesis certificate is stored. */
    public boolean hasGenesisCertificate() {
        return await(certificates.findLatestGenesisMessage()).isPresent();
    }

    private CertificateChainVerifier verifier() {
        Ed25519VerificationKey key = genesisKeys
                .verificationKey()
                .orElseThrow(() -> new CertifierException(
                        "no genesis verification key: set GENESIS_VERIFICATION_KEY to verify the certificate chain"));
        CertificateChainVerifier v = verifier;
        if (v == null || !key.equals(verifierKey)) {
            v = new CertificateChainVerifier(
                    hash -> CertificateJson.readCertificate(await(certificates.findMessage(hash))
                            .orElseThrow(() -> CertificateRetrieverException.notFound(hash))),
                    StmMultiSignatureVerifier.INSTANCE,
                    GenesisSignatureVerifier.ed25519(key));
            verifier = v;
            verifierKey = key;
        }
        return v;
    }

    /** A verifier whose multi-signature check uses {@code aggregate} for the certificate that carries its hex. */
    private CertificateChainVerifier verifierOf(String multiSignatureHex, StmAggregateSignature aggregate) {
        KeptMultiSignatures kept = new KeptMultiSignatures();
        kept.keep(multiSignatureHex, aggregate);
        return new CertificateChainVerifier(
                hash -> {
                    throw CertificateRetrieverException.notFound(hash);
                },
                kept,
                verifier().genesisVerifier());
    }

    private static long distinctIndexes(List<StmSingleSignature> signatures) {
        Set<Long> won = new HashSet<>();
        for (StmSingleSignature s : signatures) for (long i : s.indexes()) won.add(i);
        return won.size();
    }

    private static String indexesJson(long[] indexes) {
        return Arrays.stream(indexes).mapToObj(Long::toString).collect(Collectors.joining(",", "[", "]"));
    }

    private static OpenMessage toOpenMessage(StoredOpenMessage row) {
        return new OpenMessage(
                row.id(),
                new Epoch(row.epoch()),
                OpenMessage.signedEntityType(row.signedEntityTypeId(), row.beacon()),
                CertificateJson.readProtocolMessage(row.protocolMessage()),
                row.certified(),
                row.expired(),
                Rfc3339.parse(row.createdAt()),
                Optional.ofNullable(row.expiresAt()).map(Rfc3339::parse));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(STORE_TIMEOUT);
    }
}
