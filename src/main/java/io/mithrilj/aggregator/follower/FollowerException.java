package io.mithrilj.aggregator.follower;

/** A follower's synchronisation with its leader failed: the message names what, on one line. */
public class FollowerException extends RuntimeException {
    public FollowerException(String message) {
        super(message);
    }

    public FollowerException(String message, Throwable cause) {
        super(message, cause);
    }
}
