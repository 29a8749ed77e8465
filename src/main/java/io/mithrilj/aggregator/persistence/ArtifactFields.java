package io.mithrilj.aggregator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;

/**
 * The indexed fields of an artifact detail message, read from its JSON text.
 *
 * @param beacon upstream's beacon column: the bare epoch for stake distributions, a compact JSON object
 *               with sorted keys for the database types and Cardano transactions
 */
public record ArtifactFields(
        SignedEntityKind kind,
        String id,
        String certificateHash,
        String beacon,
        long epoch,
        String createdAt,
        String artifact,
        String listItem) {

    /** Read the fields of a detail message of the given kind; {@link IllegalArgumentException} when malformed. */
    public static ArtifactFields fromMessage(SignedEntityKind kind, String messageJson) {
        String compact = MessageJson.compact(messageJson);
        JsonNode m = MessageJson.parse(compact);
        String id = text(m, kind.idField());
        String certificateHash = text(m, "certificate_hash");
        String createdAt = text(m, "created_at");
        MessageJson.epochNanos(createdAt); // validates
        long epoch;
        String beacon;
        switch (kind) {
            case MITHRIL_STAKE_DISTRIBUTION, CARDANO_STAKE_DISTRIBUTION -> {
                epoch = number(m, "epoch");
                beacon = Long.toString(epoch);
            }
            case CARDANO_IMMUTABLE_FILES_FULL, CARDANO_DATABASE -> {
                JsonNode b = m.get("beacon");
                if (b == null || !b.isObject())
                    throw new IllegalArgumentException(kind.discriminant() + ": beacon missing");
                epoch = number(b, "epoch");
                ObjectNode sorted = MessageJson.MAPPER.createObjectNode();
                sorted.put("epoch", epoch).put("immutable_file_number", number(b, "immutable_file_number"));
                beacon = MessageJson.write(sorted);
            }
            case CARDANO_TRANSACTIONS -> {
                epoch = number(m, "epoch");
                ObjectNode sorted = MessageJson.MAPPER.createObjectNode();
                sorted.put("block_number", number(m, "block_number")).put("epoch", epoch);
                beacon = MessageJson.write(sorted);
            }
            default -> throw new IllegalArgumentException("unsupported kind " + kind);
        }
        return new ArtifactFields(
                kind,
                id,
                certificateHash,
                beacon,
                epoch,
                createdAt,
                compact,
                MessageJson.project(compact, kind.listKeys()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("artifact: " + field + " missing");
        return v.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToExactIntegral())
            throw new IllegalArgumentException("artifact: " + field + " missing");
        return v.asLong();
    }
}
