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
        StmAggregateVerificationKey avk;
        try {
            signature = StmAggregateSignature.decode(multiSignatureJsonHex);
        } catch (StmException e) {
            throw new InvalidMultiSignatureException("can not decode the multi-signature: " + e.getMessage(), e);
        }
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
