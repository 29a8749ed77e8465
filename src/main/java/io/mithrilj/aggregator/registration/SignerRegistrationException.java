package io.mithrilj.aggregator.registration;

/**
 * Why a signer registration is not accepted (upstream {@code SignerRegistrationError} and the payload
 * decoding that precedes it), one subtype per answer upstream gives, so the API maps them exhaustively.
 */
public abstract sealed class SignerRegistrationException extends RuntimeException
        permits SignerPayloadDecodingException,
                RegistrationRoundNotOpenedException,
                RegistrationRoundEpochMismatchException,
                SignerRegistrationRefusedException,
                RegistrationClosedOnFollowerException {
    private static final long serialVersionUID = 1L;

    SignerRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
