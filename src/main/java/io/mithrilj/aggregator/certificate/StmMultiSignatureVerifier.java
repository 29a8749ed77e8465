package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmAggregateVerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmParameters;
import io.mithrilj.aggregator.protocol.ProtocolParameters;

/**
 * Check 4 with the STM library: decodes the aggregate signature and the AVK (JSON-hex, then bytes)
 * and verifies the signature over the message with the certificate's parameters copied unchanged.
 */
public final class StmMultiSignatureVerifier implements MultiSignatureVerifier {
    public static final StmMultiSignatureVerifier INSTANCE = new StmMultiSignatureVerifier();

    @Override
    public void verify(
            byte[] message,
            String multiSignatureJsonHex,
            String aggregateVerificationKeyJsonHex,
            ProtocolParameters parameters)
            throws InvalidMultiSignatureException {
        StmAggregateSignature signature;
        try {
            signature = StmAggregateSignature.decode(multiSignatureJsonHex);
        } catch (StmException e) {
            throw new InvalidMultiSignatureException("can not decode the multi-signature: " + e.getMessage(), e);
        }
        verify(message, signature, aggregateVerificationKeyJsonHex, parameters);
    }

    /**
     * The same check on an aggregate signature already in memory (the one the certifier has just made): no
     * decoding of its json-hex, which for a mainnet quorum is a thousand G1 decompressions and subgroup checks.
     */
    public static void verify(
            byte[] message,
            StmAggregateSignature signature,
            String aggregateVerificationKeyJsonHex,
            ProtocolParameters parameters)
            throws InvalidMultiSignatureException {
        StmAggregateVerificationKey avk;
        try {
            avk = StmAggregateVerificationKey.decode(aggregateVerificationKeyJsonHex);
        } catch (StmException e) {
            throw new InvalidMultiSignatureException(
                    "can not decode the aggregate verification key: " + e.getMessage(), e);
        }
        if (parameters.k() == 0 && signature.signatures().isEmpty()) {
            throw new InvalidMultiSignatureException("empty aggregate signature with k = 0");
        }
        try {
            signature.verify(message, avk, new StmParameters(parameters.m(), parameters.k(), parameters.phiF()));
        } catch (StmException e) {
            throw new InvalidMultiSignatureException(e.getMessage(), e);
        }
    }
}
