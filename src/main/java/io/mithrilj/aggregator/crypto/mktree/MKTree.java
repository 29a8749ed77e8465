package io.mithrilj.aggregator.crypto.mktree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream {@code MKTree}: a Merkle Mountain Range over unhashed leaves, merged with Blake2s-256 (see
 * artifacts.md §1.3). The root of one leaf is that leaf; otherwise the peaks are bagged right to left
 * with {@code merge(right, left)}. Leaves may be appended; not thread-safe.
 */
public final class MKTree {
    /** Every node by MMR position (leaves and merges). */
    private final List<MKTreeNode> nodes = new ArrayList<>();

    private final List<MKTreeNode> leaves = new ArrayList<>();

    /** Leaf → position; a repeated leaf keeps its last position, as upstream's hash map does. */
    private final Map<MKTreeNode, Long> leafPositions = new HashMap<>();

    private MKTree() {}

    /** A tree of these leaves, in order. */
    public static MKTree of(List<MKTreeNode> leaves) {
        MKTree tree = new MKTree();
        tree.append(leaves);
        return tree;
    }

    /** A tree whose leaves are the UTF-8 bytes of these texts, in order. */
    public static MKTree ofTexts(List<String> leaves) {
        return of(leaves.stream().map(MKTreeNode::ofText).toList());
    }

    /** Appends leaves, in order. */
    public void append(List<MKTreeNode> newLeaves) {
        for (MKTreeNode leaf : newLeaves) {
            push(leaf);
        }
    }

    private void push(MKTreeNode leaf) {
        long pos = nodes.size();
        long leafPos = pos;
        nodes.add(leaf);
        int height = 0;
        // while the next position is a parent, the node just stored closes a subtree
        while (Mmr.height(pos + 1) > height) {
            pos++;
            MKTreeNode left = node(pos - Mmr.parentOffset(height));
            MKTreeNode right = node(pos - 1);
            nodes.add(MKTreeNode.merge(left, right));
            height++;
        }
        leaves.add(leaf);
        leafPositions.put(leaf, leafPos);
    }

    private MKTreeNode node(long pos) {
        return nodes.get(Math.toIntExact(pos));
    }

    /** Number of leaves. */
    public long totalLeaves() {
        return leaves.size();
    }

    /** The leaves, in insertion order. */
    public List<MKTreeNode> leaves() {
        return Collections.unmodifiableList(leaves);
    }

    public boolean contains(MKTreeNode leaf) {
        return leafPositions.containsKey(leaf);
    }

    /** Number of MMR nodes. */
    public long mmrSize() {
        return nodes.size();
    }

    /**
     * The root.
     *
     * @throws MKTreeException when the tree is empty
     */
    public MKTreeNode computeRoot() {
        if (nodes.isEmpty()) {
            throw new MKTreeException(MKTreeException.EMPTY_TREE_ROOT, "the tree has no leaf");
        }
        if (nodes.size() == 1) {
            return nodes.getFirst();
        }
        List<MKTreeNode> peaks = new ArrayList<>();
        for (long p : Mmr.peaks(nodes.size())) {
            peaks.add(node(p));
        }
        return bag(peaks);
    }

    /** Bags peaks right to left: {@code merge(right, left)} until one remains. */
    static MKTreeNode bag(List<MKTreeNode> peaks) {
        Deque<MKTreeNode> stack = new ArrayDeque<>(peaks);
        while (stack.size() > 1) {
            MKTreeNode right = stack.removeLast();
            MKTreeNode left = stack.removeLast();
            stack.addLast(MKTreeNode.merge(right, left));
        }
        return stack.peekLast();
    }

    /**
     * A membership proof of {@code proven} (in the caller's order, as upstream keeps it).
     *
     * @throws MKTreeException when a leaf is not in the tree or {@code proven} is empty
     */
    public MKProof computeProof(List<MKTreeNode> proven) {
        List<MKProof.Leaf> inner = new ArrayList<>(proven.size());
        for (MKTreeNode leaf : proven) {
            Long pos = leafPositions.get(leaf);
            if (pos == null) {
                throw new MKTreeException(MKTreeException.LEAF_NOT_FOUND);
            }
            inner.add(new MKProof.Leaf(pos, leaf));
        }
        if (inner.isEmpty()) {
            throw new MKTreeException("can not prove an empty list of leaves");
        }
        List<Long> positions =
                inner.stream().map(MKProof.Leaf::position).sorted().distinct().toList();
        return new MKProof(computeRoot(), inner, nodes.size(), proofItems(positions));
    }

    /** ckb's {@code gen_proof}: siblings per peak left to right, then the untouched right peaks bagged. */
    private List<MKTreeNode> proofItems(List<Long> sortedPositions) {
        List<MKTreeNode> items = new ArrayList<>();
        if (nodes.size() == 1 && sortedPositions.equals(List.of(0L))) {
            return items;
        }
        int next = 0;
        int untouchedRightPeaks = 0;
        for (long peak : Mmr.peaks(nodes.size())) {
            List<Long> under = new ArrayList<>();
            while (next < sortedPositions.size() && sortedPositions.get(next) <= peak) {
                under.add(sortedPositions.get(next++));
            }
            if (under.isEmpty()) {
                untouchedRightPeaks++;
                items.add(node(peak));
                continue;
            }
            untouchedRightPeaks = 0;
            if (under.size() == 1 && under.getFirst() == peak) {
                continue;
            }
            siblingsUnderPeak(under, peak, items);
        }
        if (untouchedRightPeaks > 1) {
            List<MKTreeNode> rhs = items.subList(items.size() - untouchedRightPeaks, items.size());
            MKTreeNode bagged = bag(new ArrayList<>(rhs));
            rhs.clear();
            items.add(bagged);
        }
        return items;
    }

    private void siblingsUnderPeak(List<Long> positions, long peak, List<MKTreeNode> items) {
        Deque<long[]> queue = new ArrayDeque<>(); // (position, height)
        for (long p : positions) {
            queue.addLast(new long[] {p, 0});
        }
        while (!queue.isEmpty()) {
            long[] head = queue.removeFirst();
            long pos = head[0];
            int height = (int) head[1];
            if (pos == peak) {
                break;
            }
            long sibling;
            long parent;
            if (Mmr.height(pos + 1) > height) { // a right child
                sibling = pos - Mmr.siblingOffset(height);
                parent = pos + 1;
            } else {
                sibling = pos + Mmr.siblingOffset(height);
                parent = pos + Mmr.parentOffset(height);
            }
            if (!queue.isEmpty() && queue.peekFirst()[0] == sibling) {
                queue.removeFirst(); // both children are proven: their parent is computed, not sent
            } else {
                items.add(node(sibling));
            }
            if (parent < peak) {
                queue.addLast(new long[] {parent, height + 1});
            }
        }
    }
}
