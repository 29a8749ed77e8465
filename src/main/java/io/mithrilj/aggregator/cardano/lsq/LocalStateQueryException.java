package io.mithrilj.aggregator.cardano.lsq;

/** The node answered a local state query, but not with a usable result (upstream pallas {@code localstate::ClientError}). */
public final class LocalStateQueryException extends RuntimeException {

    /** The cases a caller may treat differently. */
    public enum Kind {
        /** {@code MsgFailure}: the point is too old or not on the chain. */
        ACQUIRE_FAILED,
        /** The era-specific query was for another era than the ledger's: retry on the next call. */
        ERA_MISMATCH,
        /** A result of another shape than the query's. */
        UNEXPECTED_RESULT
    }

    private final Kind kind;

    public LocalStateQueryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
