package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmAggregateVerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmClerk;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmParameters;
import io.mithrilj.aggregator.crypto.stm.StmRegisteredParty;
import io.mithrilj.aggregator.crypto.stm.StmSignatureBatcher;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.signable.SignableException;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Upstream {@code ProtocolMultiSigner} (mithril-common {@code protocol/multi_signer.rs}): the signers of an epoch
 * closed into one STM key registration with the epoch's protocol parameters, built once per epoch by the epoch
 * service. It checks single signatures and aggregates them into the multi-signature of a certificate. Immutable and
 * thread-safe.
 *
 * <p>A signature is checked against the registered party at its {@code signer_index}, as upstream; unlike upstream,
 * that party must also be the one the signature claims to come from ({@code party_id}): the certificate's metadata
 * lists signers by the party ids of their signatures.
 */
public final class MultiSigner {
    private final ProtocolParameters protocolParameters;
    private final StmParameters stmParameters;
    private final StmClosedKeyRegistration registration;
    private final StmAggregateVerificationKey aggregateVerificationKey;
    private final String aggregateVerificationKeyJsonHex;
    private final Map<Long, String> partyAtIndex;
    private final StmClerk clerk;

    private MultiSigner(
            ProtocolParameters protocolParameters,
            StmClosedKeyRegistration registration,
            Map<Long, String> partyAtIndex) {
        this.protocolParameters = protocolParameters;
        this.stmParameters =
                new StmParameters(protocolParameters.m(), protocolParameters.k(), protocolParameters.phiF());
        this.registration = registration;
        this.aggregateVerificationKey = registration.aggregateVerificationKey();
        this.aggregateVerificationKeyJsonHex = aggregateVerificationKey.toJsonHex();
        this.partyAtIndex = Map.copyOf(partyAtIndex);
        this.clerk = new StmClerk(stmParameters, registration);
        // each party's lottery threshold (a 640-bit series of its stake) and key point made ready now, when the
        // epoch's signers are set up, rather than by the first signature of each party in the burst that follows an
        // open message (mainnet: ~1500 signatures within seconds)
        clerk.prepareParties();
    }

    /**
     * The multi-signer of these signers (upstream {@code SignerBuilder}: every signer's KES signature checked, keys
     * closed into the registration).
     *
     * @throws SignableException when the list is empty or a signer cannot be registered
     */
    public static MultiSigner of(List<SignerWithStake> signers, ProtocolParameters protocolParameters) {
        Objects.requireNonNull(protocolParameters, "protocolParameters");
        Map<String, Long> stakes = new HashMap<>();
        signers.forEach(s -> stakes.put(s.partyId(), s.stake()));
        StmClosedKeyRegistration registration = SignableSeed.closedRegistration(signers, stakes);
        Map<Long, String> parties = new HashMap<>();
        for (SignerWithStake s : signers) {
            try {
                int index = registration.indexOf(
                        StmVerificationKeyPoP.decode(s.verificationKey()).vk());
                if (index >= 0) parties.put((long) index, s.partyId());
            } catch (StmException e) {
                throw new SignableException("Registration failed for signer: '" + s.partyId() + "'", e);
            }
        }
        return new MultiSigner(protocolParameters, registration, parties);
    }

    public ProtocolParameters protocolParameters() {
        return protocolParameters;
    }

    public StmAggregateVerificationKey aggregateVerificationKey() {
        return aggregateVerificationKey;
    }

    /** The aggregate verification key as certificates and protocol messages carry it. */
    public String aggregateVerificationKeyJsonHex() {
        return aggregateVerificationKeyJsonHex;
    }

    /** Signers in the registration. */
    public int size() {
        return registration.size();
    }

    /**
     * Upstream {@code verify_single_signature}: the signature of {@code partyId} over the ASCII of {@code
     * signedMessage} verifies (BLS, then each index within m and won).
     *
     * @throws SingleSignatureException naming the party and what failed
     */
    public void verifySingleSignature(String signedMessage, String partyId, StmSingleSignature signature) {
        verify(
                partyId,
                signature,
                party -> signature.verify(stmParameters, party, aggregateVerificationKey, bytes(signedMessage)));
    }

    /**
     * The same check, its BLS equation made by {@code batch} together with the signatures other threads are having
     * checked meanwhile (same answer, less work under load).
     */
    public void verifySingleSignature(
            String signedMessage, String partyId, StmSingleSignature signature, StmSignatureBatcher batch) {
        verify(
                partyId,
                signature,
                party -> signature.verify(stmParameters, party, aggregateVerificationKey, bytes(signedMessage), batch));
    }

    @FunctionalInterface
    private interface PartyCheck {
        void check(StmRegisteredParty party) throws StmException;
    }

    /** The signature's party must be the registered one at its index; then {@code check}, its failure named. */
    private void verify(String partyId, StmSingleSignature signature, PartyCheck check) {
        long index = signature.signerIndex();
        String registered = partyAtIndex.get(index);
        if (registered == null || !registered.equals(partyId)) {
            throw new SingleSignatureException("Unregistered party: '" + partyId + "'", null);
        }
        try {
            check.check(registration.parties().get((int) index));
        } catch (StmException e) {
            throw new SingleSignatureException("Invalid signature for party: '" + partyId + "': " + e.getMessage(), e);
        }
    }

    /**
     * The aggregate of these signatures over the ASCII of {@code signedMessage}, if their valid indices reach the
     * quorum k; empty otherwise (upstream's {@code NotEnoughSignatures}, which is a wait, not an error).
     */
    public Optional<StmAggregateSignature> aggregate(List<StmSingleSignature> signatures, String signedMessage) {
        return aggregate(signatures, signedMessage, s -> false);
    }

    /**
     * The same, with the signatures for which {@code verified} holds not checked again (see {@link
     * StmClerk#aggregate(List, byte[], Predicate)}): the caller verified them over this message with these signers.
     */
    public Optional<StmAggregateSignature> aggregate(
            List<StmSingleSignature> signatures, String signedMessage, Predicate<StmSingleSignature> verified) {
        try {
            return Optional.of(clerk.aggregate(signatures, bytes(signedMessage), verified));
        } catch (StmException.NotEnoughSignatures e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(String signedMessage) {
        return signedMessage.getBytes(StandardCharsets.US_ASCII);
    }

    /** A single signature that does not verify against this epoch's signers. */
    public static final class SingleSignatureException extends RuntimeException {
        public SingleSignatureException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
