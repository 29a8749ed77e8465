package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * What a certificate signs, with its beacon (upstream {@code SignedEntityType}, 2603.1). Variants in
 * upstream declaration order: MSD, CSD, CIFF, CDB, CTx, CBT. {@link Unknown} holds a variant this
 * version does not know: it may be listed and displayed, never hashed, verified or stored.
 */
public sealed interface SignedEntityType {

    /** Variant names in declaration order (the JSON tags). */
    List<String> VARIANT_NAMES = List.of(
            "MithrilStakeDistribution",
            "CardanoStakeDistribution",
            "CardanoImmutableFilesFull",
            "CardanoDatabase",
            "CardanoTransactions",
            "CardanoBlocksTransactions");

    /** The JSON tag of the variant. */
    String variantName();

    /** Upstream database index ({@code signed_entity_type_id}); -1 for {@link Unknown}. */
    int index();

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

        public String variantName() {
            return "MithrilStakeDistribution";
        }

        public int index() {
            return 0;
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

        public String variantName() {
            return "CardanoStakeDistribution";
        }

        public int index() {
            return 1;
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

        public String variantName() {
            return "CardanoImmutableFilesFull";
        }

        public int index() {
            return 2;
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

        public String variantName() {
            return "CardanoDatabase";
        }

        public int index() {
            return 4;
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

        public String variantName() {
            return "CardanoTransactions";
        }

        public int index() {
            return 3;
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

        public String variantName() {
            return "CardanoBlocksTransactions";
        }

        public int index() {
            return 5;
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
        public String variantName() {
            return name;
        }

        public int index() {
            return -1;
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
