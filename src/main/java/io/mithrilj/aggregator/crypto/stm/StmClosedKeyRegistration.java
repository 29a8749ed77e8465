package io.mithrilj.aggregator.crypto.stm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream {@code ClosedKeyRegistration}: the registered parties sorted by (stake, vk bytes), their total
 * stake and the Merkle tree over them. A party's position is its {@code signer_index}.
 */
public final class StmClosedKeyRegistration {

    private final List<StmRegisteredParty> parties;
    private final long totalStake;
    private final StmMerkleTree tree;
    private final StmAggregateVerificationKey avk;
    private final Map<StmVerificationKey, Integer> positions = new HashMap<>();

    StmClosedKeyRegistration(List<StmRegisteredParty> sortedParties, long totalStake) {
        this.parties = List.copyOf(sortedParties);
        this.totalStake = totalStake;
        this.tree = StmMerkleTree.build(parties);
        this.avk = new StmAggregateVerificationKey(tree.root(), parties.size(), totalStake);
        for (int i = 0; i < parties.size(); i++) {
            positions.put(parties.get(i).vk(), i);
        }
    }

    public List<StmRegisteredParty> parties() {
        return parties;
    }

    public long totalStake() {
        return totalStake;
    }

    public StmMerkleTree merkleTree() {
        return tree;
    }

    public StmAggregateVerificationKey aggregateVerificationKey() {
        return avk;
    }

    /** The signer index of a key, or -1. */
    public int indexOf(StmVerificationKey vk) {
        return positions.getOrDefault(vk, -1);
    }

    public int size() {
        return parties.size();
    }
}
