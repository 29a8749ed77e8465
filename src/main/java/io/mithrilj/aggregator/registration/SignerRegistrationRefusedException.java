package io.mithrilj.aggregator.registration;

import java.util.Objects;

/**
 * A signer registration failed verification (upstream {@code InvalidSignerRegistration}, answered 400
 * {@code failed_signer_registration}). {@link #getMessage()} is upstream's outermost error context, the
 * text upstream puts in the answer; {@link #reason()} and {@link #upstreamError()} say which check failed.
 */
public final class SignerRegistrationRefusedException extends SignerRegistrationException {
    private static final long serialVersionUID = 1L;

    /** The label of upstream's 400 answer. */
    public static final String LABEL = "failed_signer_registration";

    /** Which check refused the registration (upstream {@code ProtocolRegistrationErrorWrapper} and friends). */
    public enum Reason {
        /** No operational certificate (mandatory in release builds). */
        OP_CERT_MISSING,
        /** An operational certificate but no KES signature. */
        KES_SIGNATURE_MISSING,
        /**
         * The opcert's cold-key signature fails, or the KES signature of the STM key does not verify under
         * the opcert's KES key at the chain's KES evolutions ± 1 (upstream reports all of these alike).
         */
        KES_SIGNATURE_INVALID,
        /** The opcert's pool is not in the round's stake distribution. */
        PARTY_ID_NON_EXISTING,
        /**
         * The pool is listed with a zero stake. Upstream's chain observer never lists such a pool, so
         * upstream refuses it as {@link #PARTY_ID_NON_EXISTING}; the same text is reported.
         */
        PARTY_ID_WITHOUT_STAKE,
        /** The STM key's proof of possession is invalid. */
        KEY_INVALID
    }

    private final Reason reason;
    private final String upstreamError;

    SignerRegistrationRefusedException(String context, Reason reason, String upstreamError, Throwable cause) {
        super(context, cause);
        this.reason = Objects.requireNonNull(reason);
        this.upstreamError = Objects.requireNonNull(upstreamError);
    }

    public Reason reason() {
        return reason;
    }

    /** Upstream's text of the inner error, e.g. {@code KES signature verification error: KesEvolutions=2, StartKesPeriod=0}. */
    public String upstreamError() {
        return upstreamError;
    }
}
