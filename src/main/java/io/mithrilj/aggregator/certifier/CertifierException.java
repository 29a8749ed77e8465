package io.mithrilj.aggregator.certifier;

/** A certifier step that cannot be done (upstream {@code CertifierServiceError} and its context), with the reason. */
public class CertifierException extends RuntimeException {
    public CertifierException(String message) {
        super(message);
    }

    public CertifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
