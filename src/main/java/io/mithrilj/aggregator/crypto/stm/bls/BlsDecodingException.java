package io.mithrilj.aggregator.crypto.stm.bls;

/** A byte string that is not an acceptable compressed point or scalar; {@link #kind()} says why. */
public final class BlsDecodingException extends Exception {

    /** Why decoding failed. */
    public enum Kind {
        /** wrong length, missing compression flag, not on the curve, or scalar out of range */
        MALFORMED,
        /** on the curve but not in the prime-order subgroup */
        NOT_IN_GROUP,
        /** the point at infinity where a proper point is required */
        INFINITY
    }

    private final Kind kind;

    public BlsDecodingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
