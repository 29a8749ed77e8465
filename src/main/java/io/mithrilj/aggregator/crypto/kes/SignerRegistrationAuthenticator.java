package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;

/**
 * Authenticates a Mithril signer registration the way the 2603.1 aggregator does
 * ({@code KesVerifierStandard} + {@code KeyRegWrapper::register}):
 *
 * <ol>
 *   <li>{@code e = currentKesPeriod − opcert.startKesPeriod}, saturating at 0 (the signer's own
 *       {@code kes_period} field is not used);</li>
 *   <li>the opcert's cold-key signature must verify → else {@link OpCertInvalidException};</li>
 *   <li>the KES signature over the 192-byte STM {@code vk ‖ pop} must verify under the opcert's
 *       KES key at some evolution {@code t ∈ [max(0, e−1), min(64, e+1)]} (clock-skew tolerance)
 *       → else {@link KesSignatureInvalidException}; when that window is empty ({@code e ≥ 66}) →
 *       {@link KesPeriodOutOfRangeException};</li>
 *   <li>the party id is the bech32 pool id of the opcert's cold key.</li>
 * </ol>
 *
 * <p>Upstream quirk kept for identical accept/reject decisions: the Rust crate verifies a period of
 * 64 as if it were 63 (the leaf ignores the period), so {@code t = 64} is tried as 63. Checking the
 * party id against the stake distribution is the caller's job ({@code PartyIdNonExisting}).
 */
public final class SignerRegistrationAuthenticator {
    /** Largest evolution upstream's window reaches (verified as 63, see the class comment). */
    static final long MAX_TRIED_EVOLUTION = Sum6Kes.TOTAL_PERIODS;

    /** Result of a successful authentication. */
    public record AuthenticatedSigner(String partyId, String poolIdHex, long kesEvolutions, long verifiedAtEvolution) {}

    private SignerRegistrationAuthenticator() {}

    /**
     * @param stmVkPop192 the signer's STM verification key bytes {@code vk ‖ pop} (192 bytes)
     * @param signature the registration's {@code verification_key_signature}
     * @param opcert the registration's {@code operational_certificate}
     * @param currentKesPeriod the chain's current absolute KES period (unsigned)
     * @return the party id and the evolution at which the signature verified
     */
    public static AuthenticatedSigner authenticate(
            byte[] stmVkPop192, Sum6KesSignature signature, OperationalCertificate opcert, long currentKesPeriod) {
        checkKeySize(stmVkPop192);
        long e = KesPeriods.evolutions(currentKesPeriod, opcert.startKesPeriod());
        opcert.validate();
        return verifyAround(
                stmVkPop192,
                signature,
                opcert,
                e,
                "current KES period " + Long.toUnsignedString(currentKesPeriod) + ", opcert start "
                        + Long.toUnsignedString(opcert.startKesPeriod()));
    }

    /**
     * The same checks when the KES evolutions are already known: upstream's {@code KeyRegWrapper::register}
     * as the signer builder calls it on stored signers, with the evolutions the signer declared.
     *
     * @param kesEvolutions evolutions since the opcert start period (unsigned)
     */
    public static AuthenticatedSigner authenticateAtEvolutions(
            byte[] stmVkPop192, Sum6KesSignature signature, OperationalCertificate opcert, long kesEvolutions) {
        checkKeySize(stmVkPop192);
        opcert.validate();
        return verifyAround(stmVkPop192, signature, opcert, kesEvolutions, "declared KES evolutions");
    }

    private static void checkKeySize(byte[] stmVkPop192) {
        if (stmVkPop192 == null || stmVkPop192.length != StmVerificationKeyBytes.SIZE) {
            throw new IllegalArgumentException("the signed STM key must be " + StmVerificationKeyBytes.SIZE + " bytes");
        }
    }

    /** Tries the evolutions {@code e − 1 … e + 1} (clock-skew tolerance), clamped as upstream does. */
    private static AuthenticatedSigner verifyAround(
            byte[] stmVkPop192, Sum6KesSignature signature, OperationalCertificate opcert, long e, String detail) {
        long min = e == 0 ? 0 : e - 1;
        long max = Long.compareUnsigned(e, MAX_TRIED_EVOLUTION - 1) >= 0 ? MAX_TRIED_EVOLUTION : e + 1;
        if (Long.compareUnsigned(min, max) > 0) {
            throw new KesPeriodOutOfRangeException(e, detail);
        }
        KesSignatureInvalidException last = null;
        for (long t = min; t <= max; t++) {
            try {
                Sum6Kes.verify(
                        Math.min(t, Sum6Kes.TOTAL_PERIODS - 1), opcert.kesVerificationKey(), stmVkPop192, signature);
                return new AuthenticatedSigner(opcert.partyId(), opcert.poolIdHex(), e, t);
            } catch (KesSignatureInvalidException failure) {
                last = failure;
            }
        }
        throw new KesSignatureInvalidException(e, opcert.startKesPeriod(), last);
    }

    /**
     * Decodes the three string fields of a registration (upstream codecs: json-hex first, then
     * bytes-hex) and {@linkplain #authenticate(byte[], Sum6KesSignature, OperationalCertificate,
     * long) authenticates} them.
     *
     * @throws CodecException when a field cannot be decoded
     */
    public static AuthenticatedSigner authenticate(
            String verificationKey,
            String verificationKeySignature,
            String operationalCertificate,
            long currentKesPeriod) {
        return authenticate(
                StmVerificationKeyBytes.decode(verificationKey),
                Sum6KesSignature.decode(verificationKeySignature),
                OperationalCertificate.decode(operationalCertificate),
                currentKesPeriod);
    }
}
