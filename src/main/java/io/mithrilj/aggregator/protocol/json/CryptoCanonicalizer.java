package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmAggregateVerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmException;

/**
 * Turns the received encodings of the crypto objects of a certificate into the canonical strings
 * the domain holds and hashes: AVK and multi-signature as compact JSON-hex (received JSON-hex or,
 * with a decoder that knows the STM byte codecs, bytes-hex), the genesis signature as bytes-hex
 * (received bytes-hex or JSON-hex of a 64-integer array).
 */
public interface CryptoCanonicalizer {

    String aggregateVerificationKey(String received);

    String multiSignature(String received);

    String genesisSignature(String received);

    /**
     * Upstream's rule: decode with the STM codecs (JSON-hex, then bytes-hex) and re-encode as compact
     * JSON-hex, so field order, unknown fields, whitespace and hex case never change a hash.
     */
    CryptoCanonicalizer STM = new CryptoCanonicalizer() {
        @Override
        public String aggregateVerificationKey(String received) {
            try {
                return StmAggregateVerificationKey.decode(received).toJsonHex();
            } catch (StmException | RuntimeException e) {
                throw new MessageFormatException("can not decode the aggregate verification key: " + e.getMessage(), e);
            }
        }

        @Override
        public String multiSignature(String received) {
            return decodeMultiSignature(received).toJsonHex();
        }

        @Override
        public String genesisSignature(String received) {
            return genesisSignatureBytesHex(received);
        }
    };

    /**
     * The STM decoding of a received multi-signature (JSON-hex, then bytes-hex), as {@link #STM} canonicalizes it: a
     * canonicalizer that keeps the decoded signature fails as {@link #STM} does.
     */
    static StmAggregateSignature decodeMultiSignature(String received) {
        try {
            return StmAggregateSignature.decode(received);
        } catch (StmException | RuntimeException e) {
            throw new MessageFormatException("can not decode the multi-signature: " + e.getMessage(), e);
        }
    }

    /** Bytes-hex (64 bytes) first, then JSON-hex of an array of 64 integers; lowercase bytes-hex out. */
    static String genesisSignatureBytesHex(String received) {
        try {
            return Ed25519Signature.decode(received).toBytesHex();
        } catch (CodecException e) {
            throw new MessageFormatException("can not decode the genesis signature: " + e.getMessage(), e);
        }
    }
}
