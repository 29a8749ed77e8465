package io.mithrilj.aggregator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;

/**
 * The indexed fields of an artifact detail message, read from its JSON text.
 *
 * @param part   when not null, a piece of the artifact stored apart: {@code artifact} holds {@link
 *               ArtifactPart#MARKER} where it goes
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
        String listItem,
        ArtifactPart part) {

    /** An artifact stored whole. */
    public ArtifactFields(
            SignedEntityKind kind,
            String id,
            String certificateHash,
            String beacon,
            long epoch,
            String createdAt,
            String artifact,
            String listItem) {
        this(kind, id, certificateHash, beacon, epoch, createdAt, artifact, listItem, null);
    }

    /** Read the fields of a detail message of the given kind; {@link IllegalArgumentException} when malformed. */
    public static ArtifactFields fromMessage(SignedEntityKind kind, String messageJson) {
        String compact = MessageJson.compact(messageJson);
        JsonNode m = MessageJson.parse(compact);
        String id = text(m, kind.idField());
        String certificateHash = text(m, "certificate_hash");
        String createdAt = text(m, "created_at");
        MessageJson.epochNanos(createdAt); // validates
        SignedEntityType type = switch (kind) {
            case MITHRIL_STAKE_DISTRIBUTION ->
                new SignedEntityType.MithrilStakeDistribution(new Epoch(number(m, "epoch")));
            case CARDANO_STAKE_DISTRIBUTION ->
                new SignedEntityType.CardanoStakeDistribution(new Epoch(number(m, "epoch")));
            case CARDANO_IMMUTABLE_FILES_FULL -> new SignedEntityType.CardanoImmutableFilesFull(dbBeacon(kind, m));
            case CARDANO_DATABASE -> new SignedEntityType.CardanoDatabase(dbBeacon(kind, m));
            case CARDANO_TRANSACTIONS ->
                new SignedEntityType.CardanoTransactions(new Epoch(number(m, "epoch")), number(m, "block_number"));
        };
        long epoch = type.beaconEpoch().value();
        String beacon = type.beaconJson();
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

    private static CardanoDbBeacon dbBeacon(SignedEntityKind kind, JsonNode m) {
        JsonNode b = m.get("beacon");
        if (b == null || !b.isObject()) throw new IllegalArgumentException(kind.discriminant() + ": beacon missing");
        return new CardanoDbBeacon(new Epoch(number(b, "epoch")), number(b, "immutable_file_number"));
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
