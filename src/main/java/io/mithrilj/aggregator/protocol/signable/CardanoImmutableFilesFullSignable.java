package io.mithrilj.aggregator.protocol.signable;

import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Hashing;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Upstream {@code CardanoImmutableFilesFullSignableBuilder} with the digest of {@code CardanoImmutableDigester}
 * (artifacts.md §5.1): {@code snapshot_digest = hex(SHA-256(ascii(beacon_hash) ‖ ascii(digest₀) ‖ …))} over the
 * per-file hex digests in immutable file order, where {@code beacon_hash = hex(SHA-256(ascii(network) ‖
 * be8(epoch) ‖ be8(immutable_file_number)))} and {@code network} is the Cardano network's display name.
 */
public final class CardanoImmutableFilesFullSignable {
    private CardanoImmutableFilesFullSignable() {}

    /** Upstream {@code compute_beacon_hash}. */
    public static String beaconHash(String network, CardanoDbBeacon beacon) {
        Objects.requireNonNull(network, "network");
        MessageDigest d = Hashing.sha256();
        Hashing.ascii(d, network);
        Hashing.u64(d, beacon.epoch().value());
        Hashing.u64(d, beacon.immutableFileNumber());
        return Hashing.finish(d);
    }

    /**
     * The snapshot digest of these file digests; the hex strings are hashed, not the bytes they encode.
     *
     * @throws SignableException when there is no digest (upstream never signs a database without files)
     */
    public static String snapshotDigest(String network, CardanoDbBeacon beacon, List<String> fileDigests) {
        if (fileDigests.isEmpty()) {
            throw new SignableException("no immutable file digest for the Cardano immutable files full beacon "
                    + beacon.epoch() + "/" + Long.toUnsignedString(beacon.immutableFileNumber()));
        }
        MessageDigest d = Hashing.sha256();
        Hashing.ascii(d, beaconHash(network, beacon));
        fileDigests.forEach(digest -> Hashing.ascii(d, digest));
        return Hashing.finish(d);
    }

    /** The type-specific part: {@code snapshot_digest}. */
    public static ProtocolMessage computeProtocolMessage(
            String network, CardanoDbBeacon beacon, List<String> fileDigests) {
        return ProtocolMessage.empty()
                .with(ProtocolMessagePartKey.SNAPSHOT_DIGEST, snapshotDigest(network, beacon, fileDigests));
    }

    /** The full protocol message: the specific part plus the seed. */
    public static ProtocolMessage computeSeededProtocolMessage(
            String network, CardanoDbBeacon beacon, List<String> fileDigests, SignableSeed seed) {
        return seed.seed(computeProtocolMessage(network, beacon, fileDigests));
    }
}
