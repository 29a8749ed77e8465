package io.mithrilj.aggregator.artifact.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An archive could not be created, verified or published (upstream's {@code FileArchiver} errors); nothing was left
 * under its final name. {@link #archive()} is the final path that was aimed at, {@link #file()} the source file at
 * fault when there is one.
 */
public final class ArchiveException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Which step failed. */
    public enum Reason {
        /** Nothing to archive, or a path that is not a relative path under the source root. */
        INVALID_INPUT,
        /** A source file is missing, not a regular file, or can not be read to its end. */
        UNREADABLE_SOURCE,
        /** Writing the temporary archive failed (disk full, I/O error). */
        WRITE_FAILED,
        /** The temporary archive does not decode to exactly the files written. */
        VERIFICATION_FAILED,
        /** The verified archive could not be renamed to its final name. */
        PUBLICATION_FAILED
    }

    private final Reason reason;
    private final transient Path archive;
    private final transient Path file;

    public ArchiveException(Reason reason, Path archive, Path file, String message, Throwable cause) {
        super("archive '" + archive + "': " + message, cause);
        this.reason = Objects.requireNonNull(reason);
        this.archive = archive;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path archive() {
        return archive;
    }

    /** The source file at fault, or null. */
    public Path file() {
        return file;
    }
}
