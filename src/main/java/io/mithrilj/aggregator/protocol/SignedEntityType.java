package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a certificate signs, with its beacon (upstream {@code SignedEntityType}, 2603.1). Variants in
 * upstream declaration order: MSD, CSD, CIFF, CDB, CTx, CBT. {@link Unknown} holds a variant this
 * version does not know: it may be listed and displayed, never hashed, verified or stored.
 */
public sealed interface SignedEntityType {

    /** Variant names in declaration order (the JSON tags). */
    List<String> VARIANT_NAMES = Arrays.stream(SignedEntityTypeDiscriminant.values())
            .map(SignedEntityTypeDiscriminant::variantName)
            .toList();

    /** The kind of this signed entity type; empty for {@link Unknown}. */
    Optional<SignedEntityTypeDiscriminant> discriminant();

    /** The JSON tag of the variant. */
    default String variantName() {
        return discriminant().orElseThrow().variantName();
    }

    /** Upstream database index ({@code signed_entity_type_id}); -1 for {@link Unknown}. */
    default int index() {
        return discriminant().map(SignedEntityTypeDiscriminant::id).orElse(-1);
    }

    /**
     * The beacon as upstream stores it (its {@code get_json_beacon}, the {@code beacon} columns): the bare epoch
     * for the stake distributions, {@code {"epoch":E,"immutable_file_number":N}} for the database types and
     * {@code {"block_number":B,"epoch":E}} (keys sorted, serde_json's map) for the transaction types.
     */
    default String beaconJson() {
        return switch (this) {
            case MithrilStakeDistribution v -> Long.toUnsignedString(v.epoch().value());
            case CardanoStakeDistribution v -> Long.toUnsignedString(v.epoch().value());
            case CardanoImmutableFilesFull v -> dbBeaconJson(v.beacon());
            case CardanoDatabase v -> dbBeaconJson(v.beacon());
            case CardanoTransactions v -> blockBeaconJson(v.epoch(), v.blockNumber());
            case CardanoBlocksTransactions v -> blockBeaconJson(v.epoch(), v.blockNumber());
            case Unknown v -> v.rawBeaconJson();
        };
    }

    private static String dbBeaconJson(CardanoDbBeacon b) {
        return "{\"epoch\":" + Long.toUnsignedString(b.epoch().value()) + ",\"immutable_file_number\":"
                + Long.toUnsignedString(b.immutableFileNumber()) + "}";
    }

    private static String blockBeaconJson(Epoch epoch, long blockNumber) {
        return "{\"block_number\":" + Long.toUnsignedString(blockNumber) + ",\"epoch\":"
                + Long.toUnsignedString(epoch.value()) + "}";
    }

    /** The epoch of the beacon. */
    Epoch beaconEpoch();

    /** The epoch at which this entity is signed (CSD is signed one epoch after its beacon). */
    default Epoch signedAtEpoch() {
        return beaconEpoch();
    }

    /** True only for {@link Unknown}. */
    default boolean isUnknown() {
        return false;
    }

    /** Feeds upstream's {@code feed_hash} bytes into the digest (no discriminant except for CBT). */
    void feedHash(MessageDigest digest);

    record MithrilStakeDistribution(Epoch epoch) implements SignedEntityType {
        public MithrilStakeDistribution {
            Objects.requireNonNull(epoch, "epoch");
        }

        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.of(SignedEntityTypeDiscriminant.MITHRIL_STAKE_DISTRIBUTION);
        }

        public Epoch beaconEpoch() {
            return epoch;
        }

        public void feedHash(MessageDigest d) {
            Hashing.u64(d, epoch.value());
        }
    }

    record CardanoStakeDistribution(Epoch epoch) implements SignedEntityType {
        public CardanoStakeDistribution {
            Objects.requireNonNull(epoch, "epoch");
        }

        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.of(SignedEntityTypeDiscriminant.CARDANO_STAKE_DISTRIBUTION);
        }

        public Epoch beaconEpoch() {
            return epoch;
        }

        @Override
        public Epoch signedAtEpoch() {
            return epoch.next();
        }

        public void feedHash(MessageDigest d) {
            Hashing.u64(d, epoch.value());
        }
    }

    record CardanoImmutableFilesFull(CardanoDbBeacon beacon) implements SignedEntityType {
        public CardanoImmutableFilesFull {
            Objects.requireNonNull(beacon, "beacon");
        }

        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.of(SignedEntityTypeDiscriminant.CARDANO_IMMUTABLE_FILES_FULL);
        }

        public Epoch beaconEpoch() {
            return beacon.epoch();
        }

        public void feedHash(MessageDigest d) {
            Hashing.u64(d, beacon.epoch().value());
            Hashing.u64(d, beacon.immutableFileNumber());
        }
    }

    record CardanoDatabase(CardanoDbBeacon beacon) implements SignedEntityType {
        public CardanoDatabase {
            Objects.requireNonNull(beacon, "beacon");
        }

        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.of(SignedEntityTypeDiscriminant.CARDANO_DATABASE);
        }

        public Epoch beaconEpoch() {
            return beacon.epoch();
        }

        public void feedHash(MessageDigest d) {
            Hashing.u64(d, beacon.epoch().value());
            Hashing.u64(d, beacon.immutableFileNumber());
        }
    }

    record CardanoTransactions(Epoch epoch, long blockNumber) implements SignedEntityType {
        public CardanoTransactions {
            Objects.requireNonNull(epoch, "epoch");
        }

        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.of(SignedEntityTypeDiscriminant.CARDANO_TRANSACTIONS);
        }

        public Epoch beaconEpoch() {
            return epoch;
        }

        public void feedHash(MessageDigest d) {
            Hashing.u64(d, epoch.value());
            Hashing.u64(d, blockNumber);
        }
    }

    /** Exists at 2603.1 but is not produced; its hash contribution starts with its index as 8 bytes. */
    record CardanoBlocksTransactions(Epoch epoch, long blockNumber) implements SignedEntityType {
        public CardanoBlocksTransactions {
            Objects.requireNonNull(epoch, "epoch");
        }

        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.of(SignedEntityTypeDiscriminant.CARDANO_BLOCKS_TRANSACTIONS);
        }

        public Epoch beaconEpoch() {
            return epoch;
        }

        public void feedHash(MessageDigest d) {
            Hashing.u64(d, index());
            Hashing.u64(d, epoch.value());
            Hashing.u64(d, blockNumber);
        }
    }

    /**
     * A variant (or a beacon shape) this version cannot interpret, kept verbatim for display.
     *
     * @param name the JSON tag as received
     * @param rawBeaconJson the beacon as compact JSON text, as received
     */
    record Unknown(String name, String rawBeaconJson) implements SignedEntityType {
        public Optional<SignedEntityTypeDiscriminant> discriminant() {
            return Optional.empty();
        }

        @Override
        public String variantName() {
            return name;
        }

        public Epoch beaconEpoch() {
            throw new UnsupportedOperationException("unknown signed entity type '" + name + "' has no known beacon");
        }

        @Override
        public boolean isUnknown() {
            return true;
        }

        public void feedHash(MessageDigest d) {
            throw new UnsupportedOperationException("unknown signed entity type '" + name + "' can not be hashed");
        }
    }
}
