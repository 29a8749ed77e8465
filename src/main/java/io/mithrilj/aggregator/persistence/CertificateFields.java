package io.mithrilj.aggregator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.Rfc3339;

/**
 * The indexed fields of a {@code CertificateMessage}, read from its JSON text. A certificate is genesis
 * when its {@code genesis_signature} is non-empty; its signed entity type is then
 * {@code MithrilStakeDistribution(epoch)}.
 *
 * @param signedEntityBeacon the beacon as upstream stores it ({@link SignedEntityType#beaconJson()})
 */
public record CertificateFields(
        String hash,
        String previousHash,
        long epoch,
        int signedEntityTypeId,
        String signedEntityBeacon,
        boolean genesis,
        String sealedAt,
        long sealedAtNanos,
        String message,
        String listItem) {

    /**
     * The fields of a certificate the certifier has just made, from the message it writes (compact by
     * construction): a mainnet certificate is megabytes of JSON, not parsed back.
     */
    public static CertificateFields of(CertificateMessage m) {
        SignedEntityType type = m.signedEntityType();
        int typeId = type.discriminant()
                .orElseThrow(() ->
                        new IllegalArgumentException("certificate: unknown signed entity type " + type.variantName()))
                .id();
        boolean genesis = !m.genesisSignature().isEmpty();
        String sealedAt = Rfc3339.format(m.metadata().sealedAt());
        return new CertificateFields(
                m.hash(),
                m.previousHash(),
                m.epoch().value(),
                typeId,
                type.beaconJson(),
                genesis,
                sealedAt,
                MessageJson.epochNanos(sealedAt),
                CertificateJson.write(m),
                CertificateJson.writeListItem(m));
    }

    /** Read the fields of a certificate message; {@link IllegalArgumentException} when malformed. */
    public static CertificateFields fromMessage(String messageJson) {
        String compact = MessageJson.compact(messageJson);
        JsonNode m = MessageJson.parse(compact);
        String hash = text(m, "hash");
        String previousHash = text(m, "previous_hash");
        JsonNode epochNode = m.get("epoch");
        if (epochNode == null || !epochNode.canConvertToExactIntegral())
            throw new IllegalArgumentException("certificate: epoch missing");
        long epoch = epochNode.asLong();
        boolean genesis = !text(m, "genesis_signature").isEmpty();
        JsonNode set = m.get("signed_entity_type");
        if (set == null || !set.isObject() || set.size() != 1)
            throw new IllegalArgumentException("certificate: signed_entity_type must be a one-key object");
        SignedEntityType type =
                genesis ? new SignedEntityType.MithrilStakeDistribution(new Epoch(epoch)) : readSignedEntityType(set);
        int typeId = type.discriminant()
                .orElseThrow(() ->
                        new IllegalArgumentException("certificate: unknown signed entity type " + type.variantName()))
                .id();
        String beacon = type.beaconJson();
        JsonNode metadata = m.get("metadata");
        if (metadata == null) throw new IllegalArgumentException("certificate: metadata missing");
        String sealedAt = text(metadata, "sealed_at");
        return new CertificateFields(
                hash,
                previousHash,
                epoch,
                typeId,
                beacon,
                genesis,
                sealedAt,
                MessageJson.epochNanos(sealedAt),
                compact,
                MessageJson.certificateListItem(m));
    }

    private static SignedEntityType readSignedEntityType(JsonNode node) {
        try {
            return CertificateJson.readSignedEntityType(node);
        } catch (MessageFormatException e) {
            throw new IllegalArgumentException("certificate: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("certificate: " + field + " missing");
        return v.asText();
    }
}
