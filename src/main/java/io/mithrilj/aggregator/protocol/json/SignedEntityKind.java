package io.mithrilj.aggregator.protocol.json;

import java.util.List;
import java.util.Optional;

/**
 * The signed entity types that produce artifacts, with upstream's database id, discriminant name, the
 * message field serving as artifact id, and the keys (in upstream's order) of the list item message.
 */
public enum SignedEntityKind {
    MITHRIL_STAKE_DISTRIBUTION(
            0, "MithrilStakeDistribution", "hash", List.of("epoch", "hash", "certificate_hash", "created_at")),
    CARDANO_STAKE_DISTRIBUTION(
            1, "CardanoStakeDistribution", "hash", List.of("epoch", "hash", "certificate_hash", "created_at")),
    CARDANO_IMMUTABLE_FILES_FULL(
            2,
            "CardanoImmutableFilesFull",
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
    CARDANO_TRANSACTIONS(
            3,
            "CardanoTransactions",
            "hash",
            List.of("merkle_root", "epoch", "block_number", "hash", "certificate_hash", "created_at")),
    CARDANO_DATABASE(
            4,
            "CardanoDatabase",
            "hash",
            List.of(
                    "hash",
                    "merkle_root",
                    "beacon",
                    "certificate_hash",
                    "total_db_size_uncompressed",
                    "cardano_node_version",
                    "created_at"));

    /** Enumeration order of upstream's discriminants (MSD, CSD, CIFF, CDB, CTx), used in sorted sets. */
    public static final List<SignedEntityKind> DISCRIMINANT_ORDER = List.of(
            MITHRIL_STAKE_DISTRIBUTION,
            CARDANO_STAKE_DISTRIBUTION,
            CARDANO_IMMUTABLE_FILES_FULL,
            CARDANO_DATABASE,
            CARDANO_TRANSACTIONS);

    private final int id;
    private final String discriminant;
    private final String idField;
    private final List<String> listKeys;

    SignedEntityKind(int id, String discriminant, String idField, List<String> listKeys) {
        this.id = id;
        this.discriminant = discriminant;
        this.idField = idField;
        this.listKeys = listKeys;
    }

    public int id() {
        return id;
    }

    public String discriminant() {
        return discriminant;
    }

    public String idField() {
        return idField;
    }

    public List<String> listKeys() {
        return listKeys;
    }

    public static Optional<SignedEntityKind> byDiscriminant(String name) {
        for (SignedEntityKind k : values()) {
            if (k.discriminant.equals(name)) return Optional.of(k);
        }
        return Optional.empty();
    }

    public static Optional<SignedEntityKind> byId(int id) {
        for (SignedEntityKind k : values()) {
            if (k.id == id) return Optional.of(k);
        }
        return Optional.empty();
    }
}
