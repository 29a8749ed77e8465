package io.mithrilj.aggregator.crypto.mktree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Upstream {@code MKProof}: the membership proof of some leaves of an {@link MKTree}, checked by
 * recomputing the root from the leaves and the proof items (ckb MMR algorithm, artifacts.md §1.3).
 *
 * @param root the tree root the proof claims ({@code inner_root})
 * @param leaves the proven leaves with their MMR positions, in the order they were asked for
 * @param mmrSize the MMR size of the tree ({@code inner_proof_size})
 * @param items sibling and peak nodes ({@code inner_proof_items})
 */
public record MKProof(MKTreeNode root, List<Leaf> leaves, long mmrSize, List<MKTreeNode> items) {

    /** A proven leaf at its MMR position. */
    public record Leaf(long position, MKTreeNode node) {
        public Leaf {
            Objects.requireNonNull(node, "node");
        }
    }

    public MKProof {
        Objects.requireNonNull(root, "root");
        leaves = List.copyOf(leaves);
        items = List.copyOf(items);
    }

    /**
     * Recomputes the root and compares it with {@link #root()}.
     *
     * @throws MKTreeException naming what is wrong when the proof does not hold
     */
    public void verify() {
        MKTreeNode computed = computeRoot();
        if (!computed.equals(root)) {
            throw new MKTreeException(
                    MKTreeException.INVALID_PROOF,
                    "computed root " + computed.toHex() + " differs from " + root.toHex());
        }
    }

    /** Whether {@link #verify()} passes. */
    public boolean isValid() {
        try {
            verify();
            return true;
        } catch (MKTreeException e) {
            return false;
        }
    }

    /**
     * Checks that every leaf of {@code expected} is a proven leaf (values only, not positions).
     *
     * @throws MKTreeException when one is missing
     */
    public void contains(List<MKTreeNode> expected) {
        for (MKTreeNode leaf : expected) {
            if (leaves.stream().noneMatch(l -> l.node().equals(leaf))) {
                throw new MKTreeException(MKTreeException.LEAVES_NOT_IN_PROOF, leaf.toHex());
            }
        }
    }

    /** The proven leaves' values, in proof order. */
    public List<MKTreeNode> leafNodes() {
        return leaves.stream().map(Leaf::node).toList();
    }

    /**
     * Upstream's compact serde JSON: {@code {"inner_root":…,"inner_leaves":[[pos,…],…],
     * "inner_proof_size":n,"inner_proof_items":[…]}}.
     */
    public String toJson() {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"inner_root\":").append(root.toJson()).append(",\"inner_leaves\":[");
        for (int i = 0; i < leaves.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Leaf l = leaves.get(i);
            out.append('[')
                    .append(Long.toUnsignedString(l.position()))
                    .append(',')
                    .append(l.node().toJson())
                    .append(']');
        }
        out.append("],\"inner_proof_size\":")
                .append(Long.toUnsignedString(mmrSize))
                .append(",\"inner_proof_items\":[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(items.get(i).toJson());
        }
        return out.append("]}").toString();
    }

    /** ckb's {@code calculate_root}: the peaks rebuilt from the leaves and items, then bagged. */
    private MKTreeNode computeRoot() {
        for (Leaf l : leaves) {
            if (l.position() < 0 || Mmr.height(l.position()) > 0) {
                throw new MKTreeException(MKTreeException.INVALID_PROOF, "position " + l.position() + " is not a leaf");
            }
        }
        if (mmrSize == 1 && leaves.size() == 1 && leaves.getFirst().position() == 0) {
            return leaves.getFirst().node(); // one-leaf tree: items are not looked at, as upstream
        }
        List<Leaf> sorted = new ArrayList<>(leaves);
        sorted.sort(Comparator.comparingLong(Leaf::position));
        List<Leaf> unique = new ArrayList<>();
        for (Leaf l : sorted) {
            if (unique.isEmpty() || unique.getLast().position() != l.position()) {
                unique.add(l); // the first of equal positions wins, as Rust's dedup_by
            }
        }
        Iterator<MKTreeNode> proof = items.iterator();
        List<MKTreeNode> peakValues = new ArrayList<>();
        int next = 0;
        for (long peak : Mmr.peaks(mmrSize)) {
            List<Leaf> under = new ArrayList<>();
            while (next < unique.size() && unique.get(next).position() <= peak) {
                under.add(unique.get(next++));
            }
            if (under.size() == 1 && under.getFirst().position() == peak) {
                peakValues.add(under.getFirst().node());
            } else if (under.isEmpty()) {
                if (!proof.hasNext()) {
                    break; // the right peaks were bagged into an earlier item, or the proof is short
                }
                peakValues.add(proof.next());
            } else {
                peakValues.add(peakRoot(under, peak, proof));
            }
        }
        if (next < unique.size()) {
            throw corrupted("leaves beyond the last peak");
        }
        if (proof.hasNext()) {
            peakValues.add(proof.next()); // the bagged right-hand peaks
        }
        if (proof.hasNext()) {
            throw corrupted("proof items left over");
        }
        if (peakValues.isEmpty()) {
            throw corrupted("no peak");
        }
        return MKTree.bag(peakValues);
    }

    private static MKTreeNode peakRoot(List<Leaf> under, long peak, Iterator<MKTreeNode> proof) {
        record Entry(long pos, MKTreeNode node, int height) {}
        Deque<Entry> queue = new ArrayDeque<>();
        for (Leaf l : under) {
            queue.addLast(new Entry(l.position(), l.node(), 0));
        }
        while (!queue.isEmpty()) {
            Entry e = queue.removeFirst();
            if (e.pos() == peak) {
                if (queue.isEmpty()) {
                    return e.node();
                }
                throw corrupted("nodes left after reaching peak " + peak);
            }
            boolean rightChild = Mmr.height(e.pos() + 1) > e.height();
            long sibling =
                    rightChild ? e.pos() - Mmr.siblingOffset(e.height()) : e.pos() + Mmr.siblingOffset(e.height());
            long parent = rightChild ? e.pos() + 1 : e.pos() + Mmr.parentOffset(e.height());
            MKTreeNode siblingNode;
            if (!queue.isEmpty() && queue.peekFirst().pos() == sibling) {
                siblingNode = queue.removeFirst().node();
            } else if (proof.hasNext()) {
                siblingNode = proof.next();
            } else {
                throw corrupted("missing sibling of position " + e.pos());
            }
            MKTreeNode parentNode =
                    rightChild ? MKTreeNode.merge(siblingNode, e.node()) : MKTreeNode.merge(e.node(), siblingNode);
            if (parent > peak) {
                throw corrupted("position " + parent + " above peak " + peak);
            }
            queue.addLast(new Entry(parent, parentNode, e.height() + 1));
        }
        throw corrupted("peak " + peak + " not reached");
    }

    private static MKTreeException corrupted(String detail) {
        return new MKTreeException(MKTreeException.INVALID_PROOF, "corrupted proof: " + detail);
    }
}
