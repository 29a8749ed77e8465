package io.mithrilj.aggregator.protocol.signable;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.kes.KesException;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The three parts every protocol message carries (upstream {@code SignableSeedBuilder}, aggregator
 * implementation, artifacts.md §1.2): the aggregate verification key of the next signers, the hash of
 * the next protocol parameters and the epoch of the current data.
 *
 * @param nextAggregateVerificationKey JSON-hex of the next signers' STM aggregate verification key
 * @param nextProtocolParameters hash of the next protocol parameters ({@link ProtocolParameters#computeHash()})
 * @param currentEpoch the epoch of the current data
 */
public record SignableSeed(String nextAggregateVerificationKey, String nextProtocolParameters, Epoch currentEpoch) {

    /** Upstream's text when the signer builder gets no signer. */
    public static final String NO_SIGNERS = "The list of signers must not be empty to create a signer builder.";

    public SignableSeed {
        Objects.requireNonNull(nextAggregateVerificationKey, "next_aggregate_verification_key");
        Objects.requireNonNull(nextProtocolParameters, "next_protocol_parameters");
        Objects.requireNonNull(currentEpoch, "current_epoch");
    }

    /**
     * The seed of {@code currentEpoch} for these next signers (with their stakes) and next parameters.
     *
     * @throws SignableException when there is no signer or a signer can not be registered (see {@link
     *     #aggregateVerificationKey})
     */
    public static SignableSeed of(
            Epoch currentEpoch, List<SignerWithStake> nextSigners, ProtocolParameters nextProtocolParameters) {
        return new SignableSeed(
                aggregateVerificationKey(nextSigners), nextProtocolParameters.computeHash(), currentEpoch);
    }

    /**
     * JSON-hex of the STM aggregate verification key of these signers, built as upstream's {@code
     * SignerBuilder} does: every signer is registered again through {@code KeyRegWrapper::register}, so
     * its operational certificate and KES signature are mandatory and the signature must verify at the
     * {@code kes_period} the signer declared (± 1); the opcert's pool must be one of the signers; the
     * keys (proofs of possession checked, no key twice) are closed into the Merkle commitment.
     *
     * @throws SignableException naming the first signer (in list order) that can not be registered
     */
    public static String aggregateVerificationKey(List<SignerWithStake> signers) {
        Map<String, Long> stakes = new HashMap<>();
        signers.forEach(s -> stakes.put(s.partyId(), s.stake())); // a repeated party keeps its last stake
        return closedRegistration(signers, stakes).aggregateVerificationKey().toJsonHex();
    }

    /**
     * The closed STM key registration of these signers, as upstream's {@code SignerBuilder} makes it (checks
     * of {@link #aggregateVerificationKey}); each signer's stake is read in {@code stakes} under the party id
     * its operational certificate authenticates (a signer's own {@code stake} field is not used).
     *
     * @throws SignableException naming the first signer (in list order) that can not be registered
     */
    public static StmClosedKeyRegistration closedRegistration(List<SignerWithStake> signers, Map<String, Long> stakes) {
        if (signers.isEmpty()) {
            throw new SignableException(NO_SIGNERS);
        }
        // the KES checks are independent: run them on all cores, report the first failure in list order
        List<Object> outcomes = signers.parallelStream()
                .map(s -> {
                    try {
                        return (Object) registrationEntry(s, stakes);
                    } catch (SignableException e) {
                        return e;
                    }
                })
                .toList();
        List<StmKeyRegistration.Entry> entries = new ArrayList<>(signers.size());
        for (Object outcome : outcomes) {
            if (outcome instanceof SignableException e) {
                throw e;
            }
            entries.add((StmKeyRegistration.Entry) outcome);
        }
        StmKeyRegistration registration = new StmKeyRegistration();
        try {
            registration.registerAll(entries);
        } catch (StmException batchFailure) {
            throw new SignableException(
                    registrationFailed(signers.get(registration.size()).partyId()), batchFailure);
        }
        return registration.close();
    }

    /** Upstream's context of a signer the builder can not register. */
    static String registrationFailed(String partyId) {
        return "Registration failed for signer: '" + partyId + "'";
    }

    /** One signer's key and stake after upstream's per-signer checks (all but the PoP, done in batch). */
    private static StmKeyRegistration.Entry registrationEntry(SignerWithStake s, Map<String, Long> stakes) {
        String context = registrationFailed(s.partyId());
        StmVerificationKeyPoP key;
        try {
            key = StmVerificationKeyPoP.decode(s.verificationKey());
        } catch (StmException e) {
            throw new SignableException(context, e);
        }
        if (s.operationalCertificate().isEmpty()) {
            throw new SignableException(context, "missing operational certificate");
        }
        if (s.verificationKeySignature().isEmpty()) {
            throw new SignableException(context, "missing KES signature");
        }
        if (s.kesEvolutions().isEmpty()) {
            throw new SignableException(context, "missing KES period");
        }
        String partyId;
        try {
            OperationalCertificate opcert =
                    OperationalCertificate.decode(s.operationalCertificate().get());
            partyId = SignerRegistrationAuthenticator.authenticateAtEvolutions(
                            key.toBytes(),
                            Sum6KesSignature.decode(s.verificationKeySignature().get()),
                            opcert,
                            s.kesEvolutions().getAsLong())
                    .partyId();
        } catch (CodecException | KesException e) {
            throw new SignableException(context, e);
        }
        Long stake = stakes.get(partyId);
        if (stake == null) {
            throw new SignableException(context, "party id does not exist in the stake distribution");
        }
        return new StmKeyRegistration.Entry(stake, key);
    }

    /** {@code message} with the three seed parts set (they replace parts of the same keys). */
    public ProtocolMessage seed(ProtocolMessage message) {
        return message.with(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY, nextAggregateVerificationKey)
                .with(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS, nextProtocolParameters)
                .with(ProtocolMessagePartKey.CURRENT_EPOCH, currentEpoch.toString());
    }
}
