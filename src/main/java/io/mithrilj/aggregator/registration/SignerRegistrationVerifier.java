package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.crypto.kes.KesException;
import io.mithrilj.aggregator.crypto.kes.KesPeriods;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code MithrilSignerRegistrationVerifier} with {@code KeyRegWrapper::register}
 * (aggregator-runtime.md §3, cardano-node.md §7.4), in check order:
 *
 * <ol>
 *   <li>KES evolutions = chain KES period (absent: 0) − opcert start period, saturating; the signer's
 *       {@code kes_period} is not used;
 *   <li>an operational certificate and a KES signature are mandatory;
 *   <li>the opcert's cold-key signature and the KES signature of the 192-byte STM key must verify
 *       ({@link SignerRegistrationAuthenticator}); the party id is the opcert's pool id, whatever the
 *       signer sent;
 *   <li>that pool must have a stake in the round's distribution;
 *   <li>the STM key's proof of possession must hold.
 * </ol>
 *
 * Stateless and pure: the caller reads the chain's KES period and the round's stake distribution.
 */
public final class SignerRegistrationVerifier {

    /** Upstream's {@code PartyIdNonExisting} text. */
    static final String PARTY_ID_NON_EXISTING = "party id does not exist in the stake distribution";

    /**
     * The verified signer with its stake: keys in canonical JSON-hex (as upstream stores them), the party
     * id of the opcert, the signer's declared {@code kes_period} kept as sent.
     *
     * @param currentKesPeriod the chain observer's current KES period, empty when it has none
     * @throws SignerRegistrationRefusedException when a check fails
     */
    public SignerWithStake verify(
            SignerRegistration signer, StakeDistribution stakeDistribution, OptionalLong currentKesPeriod) {
        Optional<OperationalCertificate> opcert = signer.operationalCertificate();
        OptionalLong kesEvolutions = opcert.isPresent()
                ? OptionalLong.of(KesPeriods.evolutions(
                        currentKesPeriod.orElse(0), opcert.get().startKesPeriod()))
                : OptionalLong.empty();
        String context = context(signer.partyId(), kesEvolutions);

        if (opcert.isEmpty()) {
            throw new SignerRegistrationRefusedException(
                    context,
                    SignerRegistrationRefusedException.Reason.OP_CERT_MISSING,
                    "missing operational certificate",
                    null);
        }
        Sum6KesSignature signature = signer.verificationKeySignature()
                .orElseThrow(() -> new SignerRegistrationRefusedException(
                        context,
                        SignerRegistrationRefusedException.Reason.KES_SIGNATURE_MISSING,
                        "missing KES signature",
                        null));
        String partyId;
        try {
            partyId = SignerRegistrationAuthenticator.authenticate(
                            signer.verificationKey().toBytes(), signature, opcert.get(), currentKesPeriod.orElse(0))
                    .partyId();
        } catch (KesException e) {
            // upstream keeps only "did it verify": a bad opcert, a bad signature and an expired key read alike
            throw new SignerRegistrationRefusedException(
                    context,
                    SignerRegistrationRefusedException.Reason.KES_SIGNATURE_INVALID,
                    "KES signature verification error: KesEvolutions="
                            + Long.toUnsignedString(kesEvolutions.getAsLong()) + ", StartKesPeriod="
                            + Long.toUnsignedString(opcert.get().startKesPeriod()),
                    e);
        }

        OptionalLong stake = stakeDistribution.stakeOf(partyId);
        if (stake.isEmpty()) {
            throw new SignerRegistrationRefusedException(
                    context,
                    SignerRegistrationRefusedException.Reason.PARTY_ID_NON_EXISTING,
                    PARTY_ID_NON_EXISTING,
                    null);
        }
        if (stake.getAsLong() == 0) {
            throw new SignerRegistrationRefusedException(
                    context,
                    SignerRegistrationRefusedException.Reason.PARTY_ID_WITHOUT_STAKE,
                    PARTY_ID_NON_EXISTING,
                    null);
        }
        try {
            signer.verificationKey().verifyProofOfPossession();
        } catch (StmException.KeyInvalid e) {
            throw new SignerRegistrationRefusedException(
                    context,
                    SignerRegistrationRefusedException.Reason.KEY_INVALID,
                    "The verification of correctness of the supplied key is invalid.",
                    e);
        }
        return new SignerWithStake(
                partyId,
                signer.verificationKey().toJsonHex(),
                Optional.of(signature.toJsonHex()),
                Optional.of(opcert.get().toJsonHex()),
                signer.kesEvolutions(),
                stake.getAsLong());
    }

    /** Upstream's context: the payload party id ({@code ""} is none) and the evolutions, in Rust debug form. */
    static String context(String payloadPartyId, OptionalLong kesEvolutions) {
        String party = payloadPartyId.isEmpty() ? "None" : "Some(" + RustDebug.string(payloadPartyId) + ")";
        String evolutions = kesEvolutions.isPresent()
                ? "Some(KesEvolutions(" + Long.toUnsignedString(kesEvolutions.getAsLong()) + "))"
                : "None";
        return "KeyRegwrapper can not register signer with party_id: '" + party + "', kes_evolutions: '" + evolutions
                + "'";
    }
}
