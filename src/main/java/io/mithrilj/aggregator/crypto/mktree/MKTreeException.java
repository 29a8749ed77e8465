package io.mithrilj.aggregator.crypto.mktree;

/**
 * A Merkle tree operation is impossible on its input (upstream's {@code MKTree}/MMR errors): a root of
 * an empty tree, a proof for a leaf the tree does not hold, a proof whose items do not add up.
 */
public final class MKTreeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Upstream's context of {@code compute_root} on an empty tree. */
    public static final String EMPTY_TREE_ROOT = "Could not compute Merkle Tree root";

    /** Upstream's error of {@code compute_proof} for an absent leaf. */
    public static final String LEAF_NOT_FOUND = "Leaf not found in the Merkle tree";

    /** Upstream's context of a proof that does not recompute its root. */
    public static final String INVALID_PROOF = "Invalid MKProof";

    /** Upstream's context of {@code MKProof::contains} when a leaf is missing. */
    public static final String LEAVES_NOT_IN_PROOF = "Leaves not found in the MKProof";

    public MKTreeException(String message) {
        super(message);
    }

    public MKTreeException(String message, String detail) {
        super(message + ": " + detail);
    }
}
