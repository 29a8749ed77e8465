package io.mithrilj.aggregator.protocol.signable;

import java.util.Optional;

/**
 * A protocol message can not be computed from its inputs (upstream signable and signer builder errors).
 * The message is upstream's context; {@link #detail()} says what failed inside it.
 */
public final class SignableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String detail;

    public SignableException(String message) {
        super(message);
        this.detail = null;
    }

    public SignableException(String message, Throwable cause) {
        super(message, cause);
        this.detail = cause.getMessage();
    }

    /** {@code detail} is upstream's inner error text. */
    public SignableException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    /** What failed inside the context, when known. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
