package io.mithrilj.aggregator.protocol.signable;

import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import java.util.ArrayList;
import java.util.List;
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
     * @throws SignableException when there is no signer, or a key does not decode or has a bad proof of
     *     possession, or the same key is registered twice
     */
    public static SignableSeed of(
            Epoch currentEpoch, List<SignerWithStake> nextSigners, ProtocolParameters nextProtocolParameters) {
        return new SignableSeed(
                aggregateVerificationKey(nextSigners), nextProtocolParameters.computeHash(), currentEpoch);
    }

    /**
     * JSON-hex of the STM aggregate verification key of these signers: their keys registered with their
     * stakes (proofs of possession checked), closed into the Merkle commitment.
     *
     * @throws SignableException as {@link #of}
     */
    public static String aggregateVerificationKey(List<SignerWithStake> signers) {
        if (signers.isEmpty()) {
            throw new SignableException(NO_SIGNERS);
        }
        List<StmKeyRegistration.Entry> entries = new ArrayList<>(signers.size());
        for (SignerWithStake s : signers) {
            try {
                entries.add(new StmKeyRegistration.Entry(s.stake(), StmVerificationKeyPoP.decode(s.verificationKey())));
            } catch (StmException e) {
                throw new SignableException("the verification key of signer '" + s.partyId() + "' does not decode", e);
            }
        }
        StmKeyRegistration registration = new StmKeyRegistration();
        try {
            registration.registerAll(entries);
        } catch (StmException e) {
            throw new SignableException("the next signers can not be registered for aggregation", e);
        }
        return registration.close().aggregateVerificationKey().toJsonHex();
    }

    /** {@code message} with the three seed parts set (they replace parts of the same keys). */
    public ProtocolMessage seed(ProtocolMessage message) {
        return message.with(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY, nextAggregateVerificationKey)
                .with(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS, nextProtocolParameters)
                .with(ProtocolMessagePartKey.CURRENT_EPOCH, currentEpoch.toString());
    }
}
