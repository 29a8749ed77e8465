package io.mithrilj.aggregator.devnet;

/**
 * A simulated pool or signer cannot do what was asked (no stake for itself, a KES period before its
 * operational certificate, a signer of the epoch settings that does not authenticate, a malformed epoch
 * settings message); the message names what and why, as upstream's signer errors do.
 */
public class DevnetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DevnetException(String message) {
        super(message);
    }

    public DevnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
