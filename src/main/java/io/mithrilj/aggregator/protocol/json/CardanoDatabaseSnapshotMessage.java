package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.Hashing;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Upstream {@code CardanoDatabaseSnapshotMessage} (artifacts.md §6.2): the CardanoDatabase v2 artifact with its
 * sub-artifacts (digests, immutables, ancillary) and their locations; the list item is a projection of it. Written
 * by {@link CardanoDbJson}.
 */
public record CardanoDatabaseSnapshotMessage(
        String hash,
        String merkleRoot,
        String network,
        CardanoDbBeacon beacon,
        String certificateHash,
        long totalDbSizeUncompressed,
        Part digests,
        Part immutables,
        Part ancillary,
        String cardanoNodeVersion,
        Instant createdAt) {

    public CardanoDatabaseSnapshotMessage {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(merkleRoot, "merkle_root");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(certificateHash, "certificate_hash");
        Objects.requireNonNull(digests, "digests");
        Objects.requireNonNull(immutables, "immutables");
        Objects.requireNonNull(ancillary, "ancillary");
        Objects.requireNonNull(cardanoNodeVersion, "cardano_node_version");
        Objects.requireNonNull(createdAt, "created_at");
    }

    /**
     * A sub-artifact: its size ({@code size_uncompressed}, or {@code average_size_uncompressed} for the immutables)
     * and where to download it.
     */
    public record Part(long size, List<Location> locations) {
        public Part {
            locations = List.copyOf(locations);
        }
    }

    /**
     * A location tagged by {@code type}: {@code cloud_storage} (a URI, or for the immutables a {@code Template} with
     * {@code {immutable_file_number}}, and the compression algorithm) or {@code aggregator} (the digests route).
     */
    public record Location(String type, String uri, boolean template, String compressionAlgorithm) {
        public static final String CLOUD_STORAGE = "cloud_storage";
        public static final String AGGREGATOR = "aggregator";

        public Location {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(uri, "uri");
        }

        public static Location cloudStorage(String uri, String compressionAlgorithm) {
            return new Location(CLOUD_STORAGE, uri, false, compressionAlgorithm);
        }

        public static Location cloudStorageTemplate(String template, String compressionAlgorithm) {
            return new Location(CLOUD_STORAGE, template, true, compressionAlgorithm);
        }

        public static Location aggregator(String uri) {
            return new Location(AGGREGATOR, uri, false, null);
        }
    }

    /** Upstream {@code CardanoDatabaseSnapshot::compute_hash}: {@code hex(SHA-256(be8(epoch) ‖ ascii(merkle_root)))}. */
    public static String computeHash(Epoch epoch, String merkleRoot) {
        MessageDigest d = Hashing.sha256();
        Hashing.u64(d, epoch.value());
        Hashing.ascii(d, merkleRoot);
        return Hashing.finish(d);
    }
}
