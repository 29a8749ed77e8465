package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * A Mithril certificate. {@code hash} and {@code signedMessage} are stored as received; the verifier
 * compares them with {@link #computeHash()} and {@link ProtocolMessage#computeHash()}.
 *
 * @param aggregateVerificationKey the STM aggregate verification key, canonical JSON-hex (as upstream re-encodes it)
 */
public record Certificate(
        String hash,
        String previousHash,
        Epoch epoch,
        CertificateMetadata metadata,
        ProtocolMessage protocolMessage,
        String signedMessage,
        String aggregateVerificationKey,
        CertificateSignature signature) {

    public Certificate {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(protocolMessage, "protocolMessage");
        Objects.requireNonNull(signedMessage, "signedMessage");
        Objects.requireNonNull(aggregateVerificationKey, "aggregateVerificationKey");
        Objects.requireNonNull(signature, "signature");
    }

    public boolean isGenesis() {
        return signature instanceof CertificateSignature.Genesis;
    }

    public boolean isChainingToItself() {
        return hash.equals(previousHash);
    }

    /** The signed entity type; a genesis certificate signs {@code MithrilStakeDistribution(epoch)}. */
    public SignedEntityType signedEntityType() {
        return switch (signature) {
            case CertificateSignature.Genesis g -> new SignedEntityType.MithrilStakeDistribution(epoch);
            case CertificateSignature.Multi m -> m.signedEntityType();
        };
    }

    /** Whether the signed entity type is unknown to this version (listing only; never verified nor stored). */
    public boolean hasUnknownSignedEntityType() {
        return signedEntityType().isUnknown();
    }

    /**
     * Upstream {@code compute_hash}: previous_hash, u64be(epoch), metadata hash, recomputed protocol
     * message hash, signed_message, AVK JSON-hex, then the genesis signature bytes-hex, or the signed
     * entity type bytes and the multi-signature JSON-hex.
     *
     * @throws UnsupportedOperationException when the signed entity type is {@link SignedEntityType.Unknown}
     */
    public String computeHash() {
        MessageDigest d = Hashing.sha256();
        Hashing.ascii(d, previousHash);
        Hashing.u64(d, epoch.value());
        Hashing.ascii(d, metadata.computeHash());
        Hashing.ascii(d, protocolMessage.computeHash());
        Hashing.ascii(d, signedMessage);
        Hashing.ascii(d, aggregateVerificationKey);
        switch (signature) {
            case CertificateSignature.Genesis g -> Hashing.ascii(d, g.bytesHex());
            case CertificateSignature.Multi m -> {
                m.signedEntityType().feedHash(d);
                Hashing.ascii(d, m.multiSignatureJsonHex());
            }
        }
        return Hashing.finish(d);
    }

    /** Upstream equality: same epoch and same hash. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && c.epoch.equals(epoch) && c.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    /** A copy with {@code hash} replaced by {@link #computeHash()}. */
    public Certificate withComputedHash() {
        return new Certificate(
                computeHash(),
                previousHash,
                epoch,
                metadata,
                protocolMessage,
                signedMessage,
                aggregateVerificationKey,
                signature);
    }
}
