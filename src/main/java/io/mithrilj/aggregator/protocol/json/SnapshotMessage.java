package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code SnapshotMessage} and {@code SnapshotListItemMessage} (the same fields): the legacy
 * CardanoImmutableFilesFull artifact (artifacts.md §5.2), written by {@link CardanoDbJson}. {@code size} and
 * {@code ancillary_size} are the compressed sizes of the archives; the digest is the artifact id.
 */
public record SnapshotMessage(
        String digest,
        String network,
        CardanoDbBeacon beacon,
        String certificateHash,
        long size,
        OptionalLong ancillarySize,
        Instant createdAt,
        List<String> locations,
        Optional<List<String>> ancillaryLocations,
        String compressionAlgorithm,
        String cardanoNodeVersion) {

    public SnapshotMessage {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(beacon, "beacon");
        Objects.requireNonNull(certificateHash, "certificate_hash");
        Objects.requireNonNull(ancillarySize, "ancillary_size");
        Objects.requireNonNull(createdAt, "created_at");
        locations = List.copyOf(locations);
        ancillaryLocations = ancillaryLocations.map(List::copyOf);
        Objects.requireNonNull(compressionAlgorithm, "compression_algorithm");
        Objects.requireNonNull(cardanoNodeVersion, "cardano_node_version");
    }
}
