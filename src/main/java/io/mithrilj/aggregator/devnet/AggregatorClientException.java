package io.mithrilj.aggregator.devnet;

/**
 * A call of {@link AggregatorClient} failed (upstream {@code AggregatorHttpClientError}); the message names the
 * method, the URL, the status and the body.
 */
public abstract sealed class AggregatorClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AggregatorClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No answer: connection refused, timeout, interrupted. */
    public static final class Unreachable extends AggregatorClientException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** 550: the aggregator has not opened its registration round yet (the signer retries next cycle). */
    public static final class RegistrationRoundNotYetOpened extends AggregatorClientException {
        private static final long serialVersionUID = 1L;

        RegistrationRoundNotYetOpened(String message) {
            super(message, null);
        }
    }

    /** Any other status than the call expects. */
    public static final class UnhandledStatus extends AggregatorClientException {
        private static final long serialVersionUID = 1L;
        private final int status;

        UnhandledStatus(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
