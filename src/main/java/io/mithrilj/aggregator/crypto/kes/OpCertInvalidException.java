package io.mithrilj.aggregator.crypto.kes;

/** The cold-key signature of an operational certificate does not verify. */
public final class OpCertInvalidException extends KesException {
    private static final long serialVersionUID = 1L;

    public OpCertInvalidException(Throwable cause) {
        super("invalid operational certificate", cause);
    }
}
