package io.mithrilj.aggregator.artifact.upload;

import java.time.Duration;

/** How many times an upload is tried and how long to wait between tries (upstream {@code FileUploadRetryPolicy}). */
public record RetryPolicy(int attempts, Duration delayBetweenAttempts) {

    /** Upstream's default: 3 attempts, 5 s apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(5));

    /** One attempt. */
    public static final RetryPolicy NEVER = new RetryPolicy(1, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        if (delayBetweenAttempts.isNegative()) throw new IllegalArgumentException("negative delay between attempts");
    }
}
