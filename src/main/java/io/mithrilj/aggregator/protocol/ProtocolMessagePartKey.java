package io.mithrilj.aggregator.protocol;

import java.util.Optional;

/**
 * Keys of a protocol message, in hashing order. The order is the union of upstream 2603.1 and newer
 * upstream keys (certificates.md §8): the relative order of the 2603.1 keys is unchanged, so 2603.1
 * hashes are identical and newer messages also sort correctly.
 */
public enum ProtocolMessagePartKey {
    SNAPSHOT_DIGEST("snapshot_digest"),
    CARDANO_TRANSACTIONS_MERKLE_ROOT("cardano_transactions_merkle_root"),
    /** Newer than 2603.1. */
    CARDANO_BLOCKS_TRANSACTIONS_MERKLE_ROOT("cardano_blocks_transactions_merkle_root"),
    NEXT_AGGREGATE_VERIFICATION_KEY("next_aggregate_verification_key"),
    NEXT_PROTOCOL_PARAMETERS("next_protocol_parameters"),
    CURRENT_EPOCH("current_epoch"),
    LATEST_BLOCK_NUMBER("latest_block_number"),
    /** Newer than 2603.1. */
    CARDANO_BLOCKS_TRANSACTIONS_BLOCK_NUMBER_OFFSET("cardano_blocks_transactions_block_number_offset"),
    CARDANO_STAKE_DISTRIBUTION_EPOCH("cardano_stake_distribution_epoch"),
    CARDANO_STAKE_DISTRIBUTION_MERKLE_ROOT("cardano_stake_distribution_merkle_root"),
    CARDANO_DATABASE_MERKLE_ROOT("cardano_database_merkle_root"),
    /** Newer than 2603.1. */
    NEXT_AGGREGATE_VERIFICATION_KEY_SNARK("next_aggregate_verification_key_snark");

    private final String wireName;

    ProtocolMessagePartKey(String wireName) {
        this.wireName = wireName;
    }

    /** The serialized name: the JSON key and the string that is hashed. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ProtocolMessagePartKey> fromWireName(String name) {
        for (ProtocolMessagePartKey k : values()) {
            if (k.wireName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The key with this serialized name, or {@link UnknownProtocolMessagePartKeyException} naming it. */
    public static ProtocolMessagePartKey parse(String name) {
        return fromWireName(name).orElseThrow(() -> new UnknownProtocolMessagePartKeyException(name));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
