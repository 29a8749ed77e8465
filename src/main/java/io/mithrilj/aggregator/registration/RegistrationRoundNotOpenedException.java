package io.mithrilj.aggregator.registration;

/** No registration round is open (upstream {@code RegistrationRoundNotYetOpened}, answered 550). */
public final class RegistrationRoundNotOpenedException extends SignerRegistrationException {
    private static final long serialVersionUID = 1L;

    /** Upstream's text. */
    public static final String MESSAGE = "a signer registration round is not opened yet, please try again later";

    public RegistrationRoundNotOpenedException() {
        super(MESSAGE, null);
    }
}
