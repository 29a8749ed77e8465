package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import java.util.List;

/**
 * The signed entity types that produce artifacts, with the shape of their messages: the field serving as
 * artifact id and the keys (in upstream's order) of the list item message. Ids, names and order come from
 * {@link SignedEntityTypeDiscriminant}.
 */
public enum SignedEntityKind {
    MITHRIL_STAKE_DISTRIBUTION(
            SignedEntityTypeDiscriminant.MITHRIL_STAKE_DISTRIBUTION,
            "hash",
            List.of("epoch", "hash", "certificate_hash", "created_at")),
    CARDANO_STAKE_DISTRIBUTION(
            SignedEntityTypeDiscriminant.CARDANO_STAKE_DISTRIBUTION,
            "hash",
            List.of("epoch", "hash", "certificate_hash", "created_at")),
    CARDANO_IMMUTABLE_FILES_FULL(
            SignedEntityTypeDiscriminant.CARDANO_IMMUTABLE_FILES_FULL,
            "digest",
            List.of(
                    "digest",
                    "network",
                    "beacon",
                    "certificate_hash",
                    "size",
                    "ancillary_size",
                    "created_at",
                    "locations",
                    "ancillary_locations",
                    "compression_algorithm",
                    "cardano_node_version")),
    CARDANO_DATABASE(
            SignedEntityTypeDiscriminant.CARDANO_DATABASE,
            "hash",
            List.of(
                    "hash",
                    "merkle_root",
                    "beacon",
                    "certificate_hash",
                    "total_db_size_uncompressed",
                    "cardano_node_version",
                    "created_at")),
    CARDANO_TRANSACTIONS(
            SignedEntityTypeDiscriminant.CARDANO_TRANSACTIONS,
            "hash",
            List.of("merkle_root", "epoch", "block_number", "hash", "certificate_hash", "created_at"));

    private final SignedEntityTypeDiscriminant discriminant;
    private final String idField;
    private final List<String> listKeys;

    SignedEntityKind(SignedEntityTypeDiscriminant discriminant, String idField, List<String> listKeys) {
        this.discriminant = discriminant;
        this.idField = idField;
        this.listKeys = listKeys;
    }

    /** The kind of signed entity type whose artifacts these are. */
    public SignedEntityTypeDiscriminant signedEntityType() {
        return discriminant;
    }

    /** Upstream's database id ({@code signed_entity_type_id}). */
    public int id() {
        return discriminant.id();
    }

    /** The JSON tag of the signed entity type. */
    public String discriminant() {
        return discriminant.variantName();
    }

    public String idField() {
        return idField;
    }

    public List<String> listKeys() {
        return listKeys;
    }
}
