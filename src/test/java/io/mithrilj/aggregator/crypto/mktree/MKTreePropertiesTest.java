package io.mithrilj.aggregator.crypto.mktree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Proofs of any subset of any tree verify; a proof of a changed leaf does not. */
class MKTreePropertiesTest {

    @Property(tries = 200)
    void proofsOfAnySubsetVerify(
            @ForAll @IntRange(min = 1, max = 70) int n,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 69) Integer> picks) {
        List<MKTreeNode> leaves = leaves(n);
        MKTree tree = MKTree.of(leaves);
        List<MKTreeNode> proven = picks.stream().map(i -> leaves.get(i % n)).toList();
        MKProof proof = tree.computeProof(proven);
        proof.verify();
        proof.contains(proven);
        assertThat(proof.mmrSize()).isEqualTo(2L * n - Long.bitCount(n));
    }

    @Property(tries = 200)
    void aProofOfAChangedLeafFails(@ForAll @IntRange(min = 2, max = 70) int n, @ForAll @IntRange(max = 69) int pick) {
        List<MKTreeNode> leaves = leaves(n);
        MKProof proof = MKTree.of(leaves).computeProof(List.of(leaves.get(pick % n)));
        MKProof.Leaf leaf = proof.leaves().getFirst();
        MKProof forged = new MKProof(
                proof.root(),
                List.of(new MKProof.Leaf(leaf.position(), MKTreeNode.ofText("forged"))),
                proof.mmrSize(),
                proof.items());
        assertThat(forged.isValid()).isFalse();
    }

    @Property(tries = 100)
    void appendingGivesTheSameTreeAsBuildingAtOnce(
            @ForAll @IntRange(min = 1, max = 40) int n, @ForAll @IntRange(max = 40) int split) {
        Assume.that(split <= n);
        List<MKTreeNode> leaves = leaves(n);
        MKTree tree = MKTree.of(new ArrayList<>(leaves.subList(0, split)));
        tree.append(leaves.subList(split, n));
        assertThat(tree.computeRoot()).isEqualTo(MKTree.of(leaves).computeRoot());
        assertThat(tree.totalLeaves()).isEqualTo(n);
    }

    private static List<MKTreeNode> leaves(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> MKTreeNode.ofText("test-" + i))
                .toList();
    }
}
