package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateMetadata;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistributionParty;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Upstream {@code CertifierService::create_certificate}: the standard (multi-signed) certificate of a sealed open
 * message, its hash computed.
 */
public final class CertificateFactory {

    private CertificateFactory() {}

    /**
     * @param currentSigners the signers with stake of the current epoch, in registration order
     * @param contributors the party ids that sent an accepted single signature
     * @param aggregateVerificationKey the current signers' AVK, JSON-hex
     * @param multiSignatureJsonHex the STM aggregate signature, JSON-hex
     */
    public static Certificate standard(
            String previousHash,
            Epoch epoch,
            String network,
            ProtocolParameters parameters,
            Instant initiatedAt,
            Instant sealedAt,
            List<SignerWithStake> currentSigners,
            Set<String> contributors,
            ProtocolMessage message,
            String aggregateVerificationKey,
            SignedEntityType signedEntityType,
            String multiSignatureJsonHex) {
        return standardOfParties(
                previousHash,
                epoch,
                network,
                parameters,
                initiatedAt,
                sealedAt,
                currentSigners.stream()
                        .map(SignerWithStake::toStakeDistributionParty)
                        .toList(),
                contributors,
                message,
                aggregateVerificationKey,
                signedEntityType,
                multiSignatureJsonHex);
    }

    /** {@link #standard} with the current signers given as (party id, stake) in registration order. */
    public static Certificate standardOfParties(
            String previousHash,
            Epoch epoch,
            String network,
            ProtocolParameters parameters,
            Instant initiatedAt,
            Instant sealedAt,
            List<StakeDistributionParty> currentSigners,
            Set<String> contributors,
            ProtocolMessage message,
            String aggregateVerificationKey,
            SignedEntityType signedEntityType,
            String multiSignatureJsonHex) {
        // upstream keeps the current signers' order and drops those without a single signature
        List<StakeDistributionParty> signers = currentSigners.stream()
                .filter(s -> contributors.contains(s.partyId()))
                .toList();
        return new Certificate(
                        "",
                        previousHash,
                        epoch,
                        new CertificateMetadata(
                                network,
                                CertificateMetadata.PROTOCOL_VERSION,
                                parameters,
                                initiatedAt,
                                sealedAt,
                                signers),
                        message,
                        message.computeHash(),
                        aggregateVerificationKey,
                        new CertificateSignature.Multi(signedEntityType, multiSignatureJsonHex))
                .withComputedHash();
    }
}
