package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainAVKUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainInfiniteLoop;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainMissingEpoch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainPreviousHashUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainProtocolParametersUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateChainTooLong;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateEpochUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateGenesis;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateHashUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateProtocolMessageUnmatch;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.CertificateRetrievalFailed;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.InvalidGenesisCertificateProvided;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.InvalidStandardCertificateProvided;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.UnsupportedSignedEntityType;
import io.mithrilj.aggregator.certificate.CertificateVerifierException.VerifyMultiSignature;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream {@code MithrilCertificateVerifier} (certificates.md §6): verifies one certificate in
 * upstream's check order and walks a chain to its genesis. Bound to one genesis verifier (key), one
 * multi-signature verifier and one retriever; the cache of verified certificates belongs to it.
 */
public final class CertificateChainVerifier {
    /** Default iteration cap of a walk (a chain longer than this is refused). */
    public static final long DEFAULT_MAX_CHAIN_LENGTH = 1_000_000;

    private final CertificateRetriever retriever;
    private final MultiSignatureVerifier multiSignatureVerifier;
    private final GenesisSignatureVerifier genesisVerifier;
    private final VerifiedCertificateCache cache;
    private final long maxChainLength;

    public CertificateChainVerifier(
            CertificateRetriever retriever,
            MultiSignatureVerifier multiSignatureVerifier,
            GenesisSignatureVerifier genesisVerifier,
            VerifiedCertificateCache cache,
            long maxChainLength) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.multiSignatureVerifier = Objects.requireNonNull(multiSignatureVerifier, "multiSignatureVerifier");
        this.genesisVerifier = Objects.requireNonNull(genesisVerifier, "genesisVerifier");
        this.cache = Objects.requireNonNull(cache, "cache");
        if (maxChainLength < 1) {
            throw new IllegalArgumentException("maxChainLength < 1");
        }
        this.maxChainLength = maxChainLength;
    }

    public CertificateChainVerifier(
            CertificateRetriever retriever,
            MultiSignatureVerifier multiSignatureVerifier,
            GenesisSignatureVerifier genesisVerifier) {
        this(
                retriever,
                multiSignatureVerifier,
                genesisVerifier,
                new VerifiedCertificateCache(10_000),
                DEFAULT_MAX_CHAIN_LENGTH);
    }

    public GenesisSignatureVerifier genesisVerifier() {
        return genesisVerifier;
    }

    public VerifiedCertificateCache cache() {
        return cache;
    }

    /** Called for each certificate once it passed its own checks during a walk. */
    @FunctionalInterface
    public interface Listener {
        void verified(Certificate certificate);

        Listener NONE = c -> {};
    }

    /**
     * Outcome of a successful walk.
     *
     * @param verified the certificates verified by this walk, from the start towards the genesis
     * @param end the last certificate reached: the genesis, or an already-verified certificate
     * @param endedAtCachedCertificate whether the walk stopped at a certificate verified by an earlier walk
     */
    public record ChainVerification(List<Certificate> verified, Certificate end, boolean endedAtCachedCertificate) {}

    /** Upstream {@code verify_certificate_chain}: verifies from {@code start} until a genesis (or a cached certificate). */
    public ChainVerification verifyChain(Certificate start) throws CertificateVerifierException {
        return verifyChain(start, Listener.NONE);
    }

    public ChainVerification verifyChain(Certificate start, Listener listener) throws CertificateVerifierException {
        Set<String> visited = new HashSet<>();
        List<Certificate> verified = new ArrayList<>();
        Certificate current = start;
        while (true) {
            if (!visited.add(current.hash())) {
                throw new CertificateChainInfiniteLoop(current.hash());
            }
            if (visited.size() > maxChainLength) {
                throw new CertificateChainTooLong(current.hash(), maxChainLength);
            }
            if (isCachedAndIntact(current)) {
                remember(verified);
                return new ChainVerification(List.copyOf(verified), current, true);
            }
            Optional<Certificate> parent = verifyCertificate(current);
            verified.add(current);
            listener.verified(current);
            if (parent.isEmpty()) {
                remember(verified);
                return new ChainVerification(List.copyOf(verified), current, false);
            }
            current = parent.get();
        }
    }

    private boolean isCachedAndIntact(Certificate c) {
        return cache.contains(c.hash())
                && !c.hasUnknownSignedEntityType()
                && c.computeHash().equals(c.hash())
                && c.protocolMessage().computeHash().equals(c.signedMessage());
    }

    private void remember(List<Certificate> verified) {
        for (Certificate c : verified) {
            cache.add(c.hash());
        }
    }

    /**
     * Upstream {@code verify_certificate}: verifies one certificate; returns its parent (fetched with
     * the retriever) for a standard certificate, empty for a genesis certificate.
     */
    public Optional<Certificate> verifyCertificate(Certificate certificate) throws CertificateVerifierException {
        requireKnownSignedEntityType(certificate);
        if (certificate.isGenesis()) {
            verifyGenesisCertificate(certificate);
            return Optional.empty();
        }
        Certificate parent;
        try {
            parent = retriever.getCertificateDetails(certificate.previousHash());
        } catch (CertificateRetrieverException | RuntimeException e) {
            throw new CertificateRetrievalFailed(certificate.hash(), certificate.previousHash(), e);
        }
        verifyStandardCertificate(certificate, parent);
        return Optional.of(parent);
    }

    /** Genesis checks in order: hash, signed message, Ed25519 signature, epoch. */
    public void verifyGenesisCertificate(Certificate certificate) throws CertificateVerifierException {
        if (!(certificate.signature() instanceof CertificateSignature.Genesis genesis)) {
            throw new InvalidGenesisCertificateProvided(certificate.hash());
        }
        verifyHash(certificate);
        verifySignedMessage(certificate);
        try {
            genesisVerifier.verify(ascii(certificate.signedMessage()), genesis.bytesHex());
        } catch (GenesisSignatureVerifier.InvalidGenesisSignatureException e) {
            throw new CertificateGenesis(certificate.hash(), e.getMessage(), e);
        }
        verifyEpochPart(certificate);
    }

    /**
     * Standard checks in upstream order: no self-chaining, hash, signed message, multi-signature,
     * epoch part, epoch gap, parent hash, AVK chaining, parameters chaining.
     */
    public void verifyStandardCertificate(Certificate certificate, Certificate parent)
            throws CertificateVerifierException {
        if (!(certificate.signature() instanceof CertificateSignature.Multi multi)) {
            throw new InvalidStandardCertificateProvided(certificate.hash());
        }
        requireKnownSignedEntityType(certificate);
        String hash = certificate.hash();
        if (certificate.isChainingToItself()) {
            throw new CertificateChainInfiniteLoop(hash);
        }
        verifyHash(certificate);
        verifySignedMessage(certificate);
        try {
            multiSignatureVerifier.verify(
                    ascii(certificate.signedMessage()),
                    multi.multiSignatureJsonHex(),
                    certificate.aggregateVerificationKey(),
                    certificate.metadata().protocolParameters());
        } catch (MultiSignatureVerifier.InvalidMultiSignatureException e) {
            throw new VerifyMultiSignature(hash, e.getMessage(), e);
        }
        verifyEpochPart(certificate);
        if (certificate.epoch().hasGapWith(parent.epoch())) {
            throw new CertificateChainMissingEpoch(hash);
        }
        if (!parent.hash().equals(certificate.previousHash())) {
            throw new CertificateChainPreviousHashUnmatch(hash);
        }
        boolean sameEpoch = parent.epoch().equals(certificate.epoch());
        boolean avkChains = sameEpoch
                ? parent.aggregateVerificationKey().equals(certificate.aggregateVerificationKey())
                : parent.protocolMessage()
                        .get(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY)
                        .map(next -> next.equals(certificate.aggregateVerificationKey()))
                        .orElse(false);
        if (!avkChains) {
            throw new CertificateChainAVKUnmatch(hash);
        }
        boolean parametersChain = sameEpoch
                ? parent.metadata()
                        .protocolParameters()
                        .equals(certificate.metadata().protocolParameters())
                : parent.protocolMessage()
                        .get(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS)
                        .map(next -> next.equals(
                                certificate.metadata().protocolParameters().computeHash()))
                        .orElse(false);
        if (!parametersChain) {
            throw new CertificateChainProtocolParametersUnmatch(hash);
        }
    }

    private static void requireKnownSignedEntityType(Certificate c) throws UnsupportedSignedEntityType {
        if (c.hasUnknownSignedEntityType()) {
            throw new UnsupportedSignedEntityType(c.hash(), c.signedEntityType().variantName());
        }
    }

    private static void verifyHash(Certificate c) throws CertificateHashUnmatch {
        if (!c.computeHash().equals(c.hash())) {
            throw new CertificateHashUnmatch(c.hash());
        }
    }

    private static void verifySignedMessage(Certificate c) throws CertificateProtocolMessageUnmatch {
        if (!c.protocolMessage().computeHash().equals(c.signedMessage())) {
            throw new CertificateProtocolMessageUnmatch(c.hash());
        }
    }

    private static void verifyEpochPart(Certificate c) throws CertificateEpochUnmatch {
        boolean matches = c.protocolMessage()
                .get(ProtocolMessagePartKey.CURRENT_EPOCH)
                .map(e -> e.equals(c.epoch().toString()))
                .orElse(false);
        if (!matches) {
            throw new CertificateEpochUnmatch(c.hash());
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
