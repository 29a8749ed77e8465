package io.mithrilj.aggregator.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Write side of {@code /register-signer} and {@code /register-signatures}, for the state where neither a
 * signer registration round nor an epoch service exists yet. The runtime will replace the two decisions
 * below; until then they answer exactly as upstream does in that state (after the body was validated):
 * <ul>
 * <li>signer registration: no open round ⇒ upstream's {@code RegistrationRoundNotYetOpened} (HTTP 550);</li>
 * <li>signature: the epoch service has no multi-signer ⇒ authentication fails (HTTP 400
 * "Could not authenticate signature").</li>
 * </ul>
 */
@ApplicationScoped
public class RegistrationService {

    /** Upstream's text of {@code RegistrationRoundNotYetOpened}. */
    public static final String ROUND_NOT_OPENED =
            "a signer registration round is not opened yet, please try again later";

    /** Outcome of a signer registration attempt. */
    public enum SignerOutcome {
        REGISTERED,
        ALREADY_REGISTERED,
        ROUND_NOT_OPENED
    }

    /** Outcome of a signature registration attempt. */
    public enum SignatureOutcome {
        REGISTERED,
        BUFFERED,
        NOT_AUTHENTICATED
    }

    /** Register a (syntactically valid) signer for an epoch: no round is ever open yet. */
    public SignerOutcome registerSigner(long epoch, String partyId) {
        return SignerOutcome.ROUND_NOT_OPENED;
    }

    /** Register a (decodable) single signature: no epoch service can authenticate it yet. */
    public SignatureOutcome registerSignature(String partyId, String signedMessage) {
        return SignatureOutcome.NOT_AUTHENTICATED;
    }
}
