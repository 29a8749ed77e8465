package io.mithrilj.aggregator.artifact.upload;

import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * An uploader whose every file upload is tried again after a failure, as upstream's {@code FileUploader::upload}:
 * {@link RetryPolicy#attempts()} tries, {@link RetryPolicy#delayBetweenAttempts()} apart. The immutables are retried
 * one archive at a time.
 */
public final class RetryingUploader implements FileUploader {
    private static final Logger LOG = Logger.getLogger(RetryingUploader.class);

    /** Waits between two attempts: the seam through which tests skip the delay. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay) throws InterruptedException;

        Sleeper REAL = delay -> Thread.sleep(delay);
    }

    private final FileUploader uploader;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public RetryingUploader(FileUploader uploader, RetryPolicy policy) {
        this(uploader, policy, Sleeper.REAL);
    }

    public RetryingUploader(FileUploader uploader, RetryPolicy policy, Sleeper sleeper) {
        this.uploader = uploader;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    @Override
    public String upload(Path file, UploadTarget target) throws UploadException {
        for (int attempt = 1; ; attempt++) {
            try {
                return uploader.upload(file, target);
            } catch (UploadException e) {
                if (attempt >= policy.attempts()) {
                    throw new UploadException(
                            "Upload failed after " + attempt + " attempts. Uploaded file path: " + file + ": "
                                    + e.getMessage(),
                            e);
                }
                LOG.warnf(
                        "Upload attempt %d of %d failed, next in %s: %s",
                        attempt, policy.attempts(), policy.delayBetweenAttempts(), e.getMessage());
                try {
                    sleeper.sleep(policy.delayBetweenAttempts());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new UploadException("Upload of " + file + " interrupted after " + attempt + " attempts", e);
                }
            }
        }
    }

    /** The wrapped uploader (what is retried). */
    public FileUploader uploader() {
        return uploader;
    }

    public RetryPolicy policy() {
        return policy;
    }
}
