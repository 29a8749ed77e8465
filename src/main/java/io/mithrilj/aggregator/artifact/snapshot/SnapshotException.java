package io.mithrilj.aggregator.artifact.snapshot;

/**
 * A snapshot step failed: a file is missing or unreadable, a write failed, or an archive did not verify. The message
 * is one line naming the file at fault and the reason; nothing of the failed step is left in its target directory.
 */
public final class SnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
