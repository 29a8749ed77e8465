package io.mithrilj.aggregator.crypto.stm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Upstream {@code MerkleTree} with B2b-256: {@code n} leaves in an implicit heap of {@code N = n + P - 1} nodes
 * ({@code P} = next power of two), leaves at {@code P-1 ..}; a missing leaf-level child hashes as
 * {@code Z = B2b-256(0x00)}.
 */
public final class StmMerkleTree {

    static final byte[] PAD = Bytes.b2b256(new byte[] {0});

    private final byte[][] nodes;
    private final int leaves;
    private final int firstLeaf;

    private StmMerkleTree(byte[][] nodes, int leaves, int firstLeaf) {
        this.nodes = nodes;
        this.leaves = leaves;
        this.firstLeaf = firstLeaf;
    }

    static int nextPowerOfTwo(long n) {
        if (n > (1 << 30)) {
            throw new IllegalArgumentException("too many leaves");
        }
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    public static StmMerkleTree build(List<StmRegisteredParty> parties) {
        int n = parties.size();
        if (n == 0) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        int p = nextPowerOfTwo(n);
        int total = n + p - 1;
        byte[][] nodes = new byte[total][];
        for (int i = 0; i < n; i++) {
            nodes[p - 1 + i] = Bytes.b2b256(parties.get(i).toBytes());
        }
        for (int i = p - 2; i >= 0; i--) {
            int l = 2 * i + 1;
            int r = 2 * i + 2;
            nodes[i] = Bytes.b2b256(l < total ? nodes[l] : PAD, r < total ? nodes[r] : PAD);
        }
        return new StmMerkleTree(nodes, n, p - 1);
    }

    public byte[] root() {
        return nodes[0].clone();
    }

    public int nrLeaves() {
        return leaves;
    }

    /** Batch path for strictly ascending leaf indices (upstream asserts the same). */
    public StmMerkleBatchPath batchPath(long[] indices) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch path needs at least one index");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= leaves || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("indices must be strictly ascending leaf positions");
            }
        }
        List<byte[]> values = new ArrayList<>();
        long[] pos = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            pos[i] = firstLeaf + indices[i];
        }
        int count = pos.length;
        while (pos[0] > 0) {
            long[] next = new long[count];
            int nc = 0;
            int j = 0;
            while (j < count) {
                long p = pos[j];
                next[nc++] = (p - 1) / 2;
                long sibling = (p & 1) == 1 ? p + 1 : p - 1;
                if (j + 1 < count && pos[j + 1] == sibling) {
                    j += 2;
                    continue;
                }
                if (sibling < nodes.length) {
                    values.add(nodes[(int) sibling].clone());
                }
                j++;
            }
            pos = next;
            count = nc;
        }
        return new StmMerkleBatchPath(values, indices.clone());
    }

    @Override
    public String toString() {
        return "StmMerkleTree[root=" + Bytes.HEX.formatHex(nodes[0]) + ", leaves=" + leaves + "]";
    }

    static boolean sameRoot(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
