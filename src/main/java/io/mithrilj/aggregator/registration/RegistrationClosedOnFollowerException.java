package io.mithrilj.aggregator.registration;

/**
 * Upstream's {@code RegistrationRoundAlwaysClosedOnFollowerAggregator}: a follower records the signers its leader
 * registered, never a registration sent to it (HTTP 500 with upstream's text).
 */
public final class RegistrationClosedOnFollowerException extends SignerRegistrationException {
    /** Upstream's text of the error. */
    public static final String MESSAGE = "signer registration is always closed on a follower aggregator";

    public RegistrationClosedOnFollowerException() {
        super(MESSAGE, null);
    }
}
