package io.mithrilj.aggregator.crypto.ed25519;

/** An Ed25519 signature was rejected by the strict verifier; {@link #reason()} says why. */
public final class Ed25519VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a signature was rejected, in the order the checks run. */
    public enum Reason {
        /** The scalar {@code S} is not reduced modulo the group order {@code L}. */
        NON_CANONICAL_S,
        /** The {@code R} encoding has a y-coordinate {@code >= p}. */
        NON_CANONICAL_R,
        /** {@code R} is not the encoding of a curve point. */
        INVALID_R,
        /** {@code R} is one of the 8 points of small order. */
        SMALL_ORDER_R,
        /** The verification key is one of the 8 points of small order. */
        SMALL_ORDER_PUBLIC_KEY,
        /**
         * The cofactorless equation {@code R = [S]B − [k]A} does not hold (wrong key, message or
         * signature, or an R with a torsion component that a cofactored verifier would accept).
         */
        SIGNATURE_MISMATCH
    }

    private final Reason reason;

    public Ed25519VerificationException(Reason reason) {
        super("Ed25519 signature verification error: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
