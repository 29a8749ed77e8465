package io.mithrilj.aggregator.crypto.mktree;

import java.util.ArrayList;
import java.util.List;

/**
 * Position arithmetic of a Merkle Mountain Range in post-order (the {@code ckb-merkle-mountain-range}
 * 0.6.1 layout upstream's {@code MKTree} uses). Positions and sizes are unsigned but stay far below
 * 2^63 here.
 */
final class Mmr {
    private Mmr() {}

    /** Height of the node at {@code pos} (0 for a leaf). */
    static int height(long pos) {
        long p = pos + 1;
        while (!allOnes(p)) {
            p = jumpLeft(p);
        }
        return 63 - Long.numberOfLeadingZeros(p);
    }

    private static boolean allOnes(long n) {
        return n != 0 && Long.bitCount(n) == 64 - Long.numberOfLeadingZeros(n);
    }

    /** Jumps to the same node in the left sibling subtree of the highest perfect tree holding it. */
    private static long jumpLeft(long p) {
        int bitLength = 64 - Long.numberOfLeadingZeros(p);
        long mostSignificant = 1L << (bitLength - 1);
        return p - (mostSignificant - 1);
    }

    /** Offset from a node of {@code height} to its sibling. */
    static long siblingOffset(int height) {
        return (2L << height) - 1;
    }

    /** Offset from a left child of {@code height} to its parent. */
    static long parentOffset(int height) {
        return 2L << height;
    }

    /** Position of the leaf of index {@code i} (from 0). */
    static long leafIndexToPosition(long i) {
        return leafIndexToMmrSize(i) - Long.numberOfTrailingZeros(i + 1) - 1;
    }

    /** MMR size right after the leaf of index {@code i} was appended. */
    static long leafIndexToMmrSize(long i) {
        long leaves = i + 1;
        return 2 * leaves - Long.bitCount(leaves);
    }

    /**
     * Positions of the peaks of an MMR of {@code mmrSize} nodes, left to right. Any size is accepted the
     * way the crate does (a size no append sequence reaches still yields peaks), so that proofs carrying
     * such a size are judged as upstream judges them.
     */
    static List<Long> peaks(long mmrSize) {
        List<Long> peaks = new ArrayList<>();
        if (mmrSize <= 0) {
            return peaks;
        }
        // the leftmost peak: the highest perfect tree starting at position 0 that fits
        int height = 0;
        long pos = 0;
        while (((1L << (height + 2)) - 2) < mmrSize) {
            height++;
            pos = (1L << (height + 1)) - 2;
        }
        peaks.add(pos);
        while (height > 0) {
            // right sibling of the last peak, then down its left children until it exists
            pos += siblingOffset(height);
            while (pos > mmrSize - 1) {
                if (height == 0) {
                    return peaks;
                }
                pos -= parentOffset(height - 1);
                height--;
            }
            peaks.add(pos);
        }
        return peaks;
    }
}
