package io.mithrilj.aggregator.registration;

/**
 * A field of a signer registration does not decode (upstream answers 400 {@code "Could not decode
 * signer payload"} with this message). The message is upstream's outermost context; the cause says why.
 */
public final class SignerPayloadDecodingException extends SignerRegistrationException {
    private static final long serialVersionUID = 1L;

    /** The label of upstream's 400 answer. */
    public static final String LABEL = "Could not decode signer payload";

    public SignerPayloadDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
