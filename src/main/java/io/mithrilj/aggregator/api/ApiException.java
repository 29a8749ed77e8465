package io.mithrilj.aggregator.api;

/**
 * The API's only exception hierarchy, mapped once ({@link ApiExceptionMappers}) to upstream's replies:
 * client errors {@code {"label","message"}}, server errors {@code {"message"}}, not found with an empty body.
 */
public abstract sealed class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 4xx with upstream's {@code ClientError} body. */
    public static final class ClientError extends ApiException {
        private final String label;

        public ClientError(int status, String label, String message) {
            super(status, message);
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 5xx with upstream's {@code ServerError} body. */
    public static final class ServerError extends ApiException {
        public ServerError(int status, String message) {
            super(status, message);
        }
    }

    /** 404 with an empty body, as upstream's {@code reply::empty(NOT_FOUND)}. */
    public static final class NotFound extends ApiException {
        public NotFound() {
            super(404, "not found");
        }
    }

    public static ClientError badRequest(String label, String message) {
        return new ClientError(400, label, message);
    }

    public static ClientError invalidEpoch(String message) {
        return new ClientError(400, "invalid_epoch", message);
    }

    public static ClientError invalidBody(String message) {
        return new ClientError(400, "invalid_request_body", "Request body deserialize error: " + message);
    }
}
