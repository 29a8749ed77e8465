package io.mithrilj.aggregator.protocol.signable;

import io.mithrilj.aggregator.crypto.mktree.MKTree;
import io.mithrilj.aggregator.crypto.mktree.MKTreeException;
import io.mithrilj.aggregator.crypto.mktree.MKTreeNode;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import java.util.List;

/**
 * Upstream {@code CardanoDatabaseSignableBuilder} (artifacts.md §6.1): {@code cardano_database_merkle_root} is
 * the hex {@link MKTree} root whose leaves are the ASCII hex digests of the immutable files numbered at most
 * the beacon's, in immutable file order. It depends on neither the network nor the epoch.
 */
public final class CardanoDatabaseSignable {
    private CardanoDatabaseSignable() {}

    /** The Merkle tree of these file digests (upstream {@code compute_merkle_tree}). */
    public static MKTree merkleTree(List<String> fileDigests) {
        return MKTree.of(fileDigests.stream().map(MKTreeNode::ofText).toList());
    }

    /**
     * The type-specific part: {@code cardano_database_merkle_root}.
     *
     * @throws SignableException when there is no digest (a tree without leaves has no root)
     */
    public static ProtocolMessage computeProtocolMessage(CardanoDbBeacon beacon, List<String> fileDigests) {
        String root;
        try {
            root = merkleTree(fileDigests).computeRoot().toHex();
        } catch (MKTreeException e) {
            throw new SignableException(
                    "no Merkle root for the Cardano database of beacon " + beacon.epoch() + "/"
                            + Long.toUnsignedString(beacon.immutableFileNumber()),
                    e);
        }
        return ProtocolMessage.empty().with(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT, root);
    }

    /** The full protocol message: the specific part plus the seed. */
    public static ProtocolMessage computeSeededProtocolMessage(
            CardanoDbBeacon beacon, List<String> fileDigests, SignableSeed seed) {
        return seed.seed(computeProtocolMessage(beacon, fileDigests));
    }
}
