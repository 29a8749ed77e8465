package io.mithrilj.aggregator.crypto.kes;

/** Base of the KES / operational-certificate verification errors. */
public abstract sealed class KesException extends RuntimeException
        permits KesPeriodOutOfRangeException, KesSignatureInvalidException, OpCertInvalidException {
    private static final long serialVersionUID = 1L;

    KesException(String message, Throwable cause) {
        super(message, cause);
    }
}
