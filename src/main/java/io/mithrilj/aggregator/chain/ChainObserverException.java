package io.mithrilj.aggregator.chain;

/** The chain could not be observed; the message names the source and what went wrong. */
public class ChainObserverException extends RuntimeException {
    public ChainObserverException(String message) {
        super(message);
    }

    public ChainObserverException(String message, Throwable cause) {
        super(message, cause);
    }
}
