package io.mithrilj.aggregator.protocol.signable;

import io.mithrilj.aggregator.crypto.mktree.MKTree;
import io.mithrilj.aggregator.crypto.mktree.MKTreeException;
import io.mithrilj.aggregator.crypto.mktree.MKTreeNode;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Upstream {@code CardanoStakeDistributionSignableBuilder} (artifacts.md §3): for beacon epoch {@code e}
 * the parts {@code cardano_stake_distribution_epoch = e} and {@code cardano_stake_distribution_merkle_root}
 * = hex of the {@link MKTree} root whose leaves are {@code ascii(pool_id ‖ decimal(stake))} in pool id
 * order. The caller passes the distribution recorded at {@link #snapshotEpoch(Epoch) e + 2}.
 */
public final class CardanoStakeDistributionSignable {
    /** Upstream {@code CARDANO_STAKE_DISTRIBUTION_SNAPSHOT_OFFSET}. */
    public static final long SNAPSHOT_OFFSET = 2;

    private CardanoStakeDistributionSignable() {}

    /** The stake store epoch whose distribution the beacon {@code epoch} certifies. */
    public static Epoch snapshotEpoch(Epoch epoch) {
        return new Epoch(epoch.value() + SNAPSHOT_OFFSET);
    }

    /** The leaves of the distribution's tree, in pool id order. */
    public static List<MKTreeNode> leaves(StakeDistribution distribution) {
        List<MKTreeNode> leaves = new ArrayList<>(distribution.size());
        for (Map.Entry<String, Long> e : distribution.stakes().entrySet()) {
            leaves.add(MKTreeNode.ofText(e.getKey() + Long.toUnsignedString(e.getValue())));
        }
        return leaves;
    }

    /** The Merkle tree of a distribution (upstream {@code compute_merkle_tree_from_stake_distribution}). */
    public static MKTree merkleTree(StakeDistribution distribution) {
        return MKTree.of(leaves(distribution));
    }

    /**
     * The type-specific parts for the beacon {@code epoch}.
     *
     * @throws SignableException when the distribution is empty (a tree without leaves has no root)
     */
    public static ProtocolMessage computeProtocolMessage(Epoch epoch, StakeDistribution distribution) {
        String root;
        try {
            root = merkleTree(distribution).computeRoot().toHex();
        } catch (MKTreeException e) {
            throw new SignableException("no Merkle root for the Cardano stake distribution of epoch " + epoch, e);
        }
        return ProtocolMessage.empty()
                .with(ProtocolMessagePartKey.CARDANO_STAKE_DISTRIBUTION_EPOCH, epoch.toString())
                .with(ProtocolMessagePartKey.CARDANO_STAKE_DISTRIBUTION_MERKLE_ROOT, root);
    }

    /** The full protocol message: the specific parts plus the seed. */
    public static ProtocolMessage computeSeededProtocolMessage(
            Epoch epoch, StakeDistribution distribution, SignableSeed seed) {
        return seed.seed(computeProtocolMessage(epoch, distribution));
    }
}
