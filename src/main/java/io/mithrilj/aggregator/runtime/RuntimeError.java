package io.mithrilj.aggregator.runtime;

/**
 * Upstream {@code RuntimeError}: what a failed cycle means for the state. {@link KeepState} and {@link ReInit} leave
 * the state as it was and the next cycle retries; {@link Critical} stops the runtime (the service then stops with a
 * non-zero exit code, where upstream exits 0).
 */
public abstract sealed class RuntimeError extends RuntimeException {

    RuntimeError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The cycle failed; state kept, retried next cycle. */
    public static final class KeepState extends RuntimeError {
        public KeepState(String message, Throwable cause) {
            super(message, cause);
        }

        public KeepState(String message) {
            super(message, null);
        }
    }

    /** Upstream re-initialisation request (raised only by a failed artifact creation); handled as {@link KeepState}. */
    public static final class ReInit extends RuntimeError {
        public ReInit(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The runtime cannot go on (e.g. the era reader failed or reports an unsupported era). */
    public static final class Critical extends RuntimeError {
        public Critical(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
