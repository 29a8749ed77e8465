package io.mithrilj.aggregator.cardano.immutable;

/** The immutable database cannot be listed (upstream {@code ImmutableFileListingError}). */
public final class ImmutableFileListingException extends RuntimeException {
    public ImmutableFileListingException(String message, Throwable cause) {
        super(message, cause);
    }
}
