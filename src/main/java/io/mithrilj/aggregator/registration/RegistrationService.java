package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

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

    /**
     * Upstream's decoding of a signer registration ({@code from_register_signer.rs}): the STM key with its
     * proof of possession, the KES signature and the operational certificate, each in json-hex or bytes-hex.
     * Returns what does not decode, or empty.
     */
    public static Optional<String> signerPayloadError(
            String verificationKey, String kesSignature, String operationalCertificate) {
        try {
            StmVerificationKeyPoP.decode(verificationKey);
        } catch (StmException e) {
            return Optional.of("Could not decode the verification key: " + e.getMessage());
        }
        try {
            if (kesSignature != null) Sum6KesSignature.decode(kesSignature);
        } catch (CodecException e) {
            return Optional.of("Could not decode the verification key signature: " + e.getMessage());
        }
        try {
            if (operationalCertificate != null) OperationalCertificate.decode(operationalCertificate);
        } catch (CodecException e) {
            return Optional.of("Could not decode the operational certificate: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Upstream's decoding of a single signature (json-hex, then bytes-hex); what does not decode, or empty. */
    public static Optional<String> signaturePayloadError(String signature) {
        try {
            StmSingleSignature.decode(signature);
            return Optional.empty();
        } catch (StmException e) {
            return Optional.of("Could not decode the single signature: " + e.getMessage());
        }
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
