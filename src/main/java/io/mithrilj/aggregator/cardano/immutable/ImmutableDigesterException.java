package io.mithrilj.aggregator.cardano.immutable;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The immutable files can not be digested (upstream {@code ImmutableDigesterError}): {@link #reason()} says why
 * and {@link #path()} names the directory or the file concerned.
 */
public final class ImmutableDigesterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the digest could not be computed. */
    public enum Reason {
        /** No directory named {@code immutable} at or under the database directory, or it can not be listed. */
        LISTING_FAILED,
        /** The highest immutable file number present is below the one asked for (or there is none). */
        NOT_ENOUGH_IMMUTABLE,
        /** A member of a trio at or below the number asked for is absent. */
        MISSING_FILE,
        /** A file exists but can not be read to its end. */
        UNREADABLE_FILE
    }

    private final Reason reason;
    private final transient Path path;

    public ImmutableDigesterException(Reason reason, Path path, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The directory or file the error is about. */
    public Path path() {
        return path;
    }
}
