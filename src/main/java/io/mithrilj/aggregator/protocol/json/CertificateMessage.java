package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateMetadata;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import java.util.Objects;

/**
 * Upstream {@code CertificateMessage} ({@code GET /certificate/{hash}}): always the 10 keys
 * {@code hash, previous_hash, epoch, signed_entity_type, metadata, protocol_message, signed_message,
 * aggregate_verification_key, multi_signature, genesis_signature}. Crypto strings are kept as received.
 */
public record CertificateMessage(
        String hash,
        String previousHash,
        Epoch epoch,
        SignedEntityType signedEntityType,
        CertificateMetadata metadata,
        ProtocolMessage protocolMessage,
        String signedMessage,
        String aggregateVerificationKey,
        String multiSignature,
        String genesisSignature) {

    public CertificateMessage {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(previousHash, "previous_hash");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(signedEntityType, "signed_entity_type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(protocolMessage, "protocol_message");
        Objects.requireNonNull(signedMessage, "signed_message");
        Objects.requireNonNull(aggregateVerificationKey, "aggregate_verification_key");
        Objects.requireNonNull(multiSignature, "multi_signature");
        Objects.requireNonNull(genesisSignature, "genesis_signature");
    }

    public boolean isGenesis() {
        return !genesisSignature.isEmpty();
    }

    /** Upstream message-to-entity rules with the JSON-only canonicalizer. */
    public Certificate toCertificate() {
        return toCertificate(CertificateJson.defaultCanonicalizer());
    }

    /**
     * Upstream message-to-entity rules: genesis when {@code genesis_signature} is non-empty (then the
     * signed entity type and multi-signature are ignored); crypto strings decoded and re-encoded
     * canonically; {@code hash} and {@code signed_message} taken as given.
     */
    public Certificate toCertificate(CryptoCanonicalizer canonicalizer) {
        String avk = canonicalizer.aggregateVerificationKey(aggregateVerificationKey);
        CertificateSignature signature = isGenesis()
                ? new CertificateSignature.Genesis(canonicalizer.genesisSignature(genesisSignature))
                : new CertificateSignature.Multi(signedEntityType, canonicalizer.multiSignature(multiSignature));
        return new Certificate(hash, previousHash, epoch, metadata, protocolMessage, signedMessage, avk, signature);
    }

    /** Entity-to-message: genesis gives {@code MithrilStakeDistribution(epoch)} and an empty multi-signature. */
    public static CertificateMessage fromCertificate(Certificate c) {
        String multi = "";
        String genesis = "";
        switch (c.signature()) {
            case CertificateSignature.Genesis g -> genesis = g.bytesHex();
            case CertificateSignature.Multi m -> multi = m.multiSignatureJsonHex();
        }
        return new CertificateMessage(
                c.hash(),
                c.previousHash(),
                c.epoch(),
                c.signedEntityType(),
                c.metadata(),
                c.protocolMessage(),
                c.signedMessage(),
                c.aggregateVerificationKey(),
                multi,
                genesis);
    }
}
