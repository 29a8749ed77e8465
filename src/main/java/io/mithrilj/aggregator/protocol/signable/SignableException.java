package io.mithrilj.aggregator.protocol.signable;

/** A protocol message can not be computed from its inputs (upstream signable builder errors). */
public final class SignableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SignableException(String message) {
        super(message);
    }

    public SignableException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
