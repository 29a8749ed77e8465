package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A decoded signer registration (upstream {@code Signer}, built from a {@code RegisterSignerMessage} by
 * {@code FromRegisterSignerAdapter}): what the signer claims, nothing verified yet.
 *
 * @param partyId the party id the signer sent (ignored when an operational certificate is present)
 * @param verificationKey the STM verification key with its proof of possession
 * @param verificationKeySignature the KES signature of the 192 bytes of {@code verificationKey}
 * @param operationalCertificate the pool's operational certificate
 * @param kesEvolutions the {@code kes_period} the signer sent (its own KES evolutions), kept but not used
 */
public record SignerRegistration(
        String partyId,
        StmVerificationKeyPoP verificationKey,
        Optional<Sum6KesSignature> verificationKeySignature,
        Optional<OperationalCertificate> operationalCertificate,
        OptionalLong kesEvolutions) {

    /** Upstream's context when the STM key does not decode. */
    public static final String KEY_NOT_DECODED = "'FromRegisterSignerAdapter' can not convert the verification key";

    /** Upstream's context when the KES signature does not decode. */
    public static final String SIGNATURE_NOT_DECODED =
            "'FromRegisterSignerAdapter' can not convert the verification key signature";

    /** Upstream's context when the operational certificate does not decode. */
    public static final String OPCERT_NOT_DECODED =
            "'FromRegisterSignerAdapter' can not convert the operational certificate";

    public SignerRegistration {
        Objects.requireNonNull(partyId, "party_id");
        Objects.requireNonNull(verificationKey, "verification_key");
        Objects.requireNonNull(verificationKeySignature, "verification_key_signature");
        Objects.requireNonNull(operationalCertificate, "operational_certificate");
        Objects.requireNonNull(kesEvolutions, "kes_period");
    }

    /**
     * Decodes the string fields of a {@code RegisterSignerMessage} as upstream does (JSON-hex first, then
     * bytes-hex, for each key); {@code null} stands for an absent optional field.
     *
     * @throws SignerPayloadDecodingException naming the field that does not decode
     */
    public static SignerRegistration decode(
            String partyId,
            String verificationKey,
            String verificationKeySignature,
            String operationalCertificate,
            Long kesPeriod) {
        StmVerificationKeyPoP key;
        try {
            key = StmVerificationKeyPoP.decode(Objects.requireNonNull(verificationKey, "verification_key"));
        } catch (StmException e) {
            throw new SignerPayloadDecodingException(KEY_NOT_DECODED, e);
        }
        Optional<Sum6KesSignature> signature = Optional.empty();
        if (verificationKeySignature != null) {
            try {
                signature = Optional.of(Sum6KesSignature.decode(verificationKeySignature));
            } catch (CodecException e) {
                throw new SignerPayloadDecodingException(SIGNATURE_NOT_DECODED, e);
            }
        }
        Optional<OperationalCertificate> opcert = Optional.empty();
        if (operationalCertificate != null) {
            try {
                opcert = Optional.of(OperationalCertificate.decode(operationalCertificate));
            } catch (CodecException e) {
                throw new SignerPayloadDecodingException(OPCERT_NOT_DECODED, e);
            }
        }
        return new SignerRegistration(
                partyId, key, signature, opcert, kesPeriod == null ? OptionalLong.empty() : OptionalLong.of(kesPeriod));
    }
}
