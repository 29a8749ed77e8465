package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import java.time.Instant;
import java.util.Objects;

/**
 * Upstream {@code CertificateListItemMessage} ({@code GET /certificates}): no signatures, and
 * metadata with {@code total_signers} instead of the signer list.
 */
public record CertificateListItemMessage(
        String hash,
        String previousHash,
        Epoch epoch,
        SignedEntityType signedEntityType,
        Metadata metadata,
        ProtocolMessage protocolMessage,
        String signedMessage,
        String aggregateVerificationKey) {

    public CertificateListItemMessage {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(previousHash, "previous_hash");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(signedEntityType, "signed_entity_type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(protocolMessage, "protocol_message");
        Objects.requireNonNull(signedMessage, "signed_message");
        Objects.requireNonNull(aggregateVerificationKey, "aggregate_verification_key");
    }

    /** {@code network, version, parameters, initiated_at, sealed_at, total_signers}. */
    public record Metadata(
            String network,
            String protocolVersion,
            ProtocolParameters protocolParameters,
            Instant initiatedAt,
            Instant sealedAt,
            long totalSigners) {
        public Metadata {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(protocolVersion, "version");
            Objects.requireNonNull(protocolParameters, "parameters");
            Objects.requireNonNull(initiatedAt, "initiated_at");
            Objects.requireNonNull(sealedAt, "sealed_at");
        }
    }
}
