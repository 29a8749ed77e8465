package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmAggregateVerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.protocol.Hashing;
import java.util.Locale;

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
     * JSON re-encoding only (no STM byte codec: a bytes-hex AVK or multi-signature is refused).
     */
    CryptoCanonicalizer JSON_ONLY = new CryptoCanonicalizer() {
        @Override
        public String aggregateVerificationKey(String received) {
            try {
                return JsonHex.canonicalize(received);
            } catch (MessageFormatException e) {
                throw new MessageFormatException("can not decode the aggregate verification key", e);
            }
        }

        @Override
        public String multiSignature(String received) {
            try {
                return JsonHex.canonicalize(received);
            } catch (MessageFormatException e) {
                throw new MessageFormatException("can not decode the multi-signature", e);
            }
        }

        @Override
        public String genesisSignature(String received) {
            return genesisSignatureBytesHex(received);
        }
    };

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
            try {
                return StmAggregateSignature.decode(received).toJsonHex();
            } catch (StmException | RuntimeException e) {
                throw new MessageFormatException("can not decode the multi-signature: " + e.getMessage(), e);
            }
        }

        @Override
        public String genesisSignature(String received) {
            return genesisSignatureBytesHex(received);
        }
    };

    /** Bytes-hex (64 bytes) first, then JSON-hex of an array of 64 integers; lowercase bytes-hex out. */
    static String genesisSignatureBytesHex(String received) {
        if (received.length() == 128 && Hashing.isHex(received)) {
            return received.toLowerCase(Locale.ROOT);
        }
        try {
            String json = JsonHex.decodeToJson(received).strip();
            if (json.startsWith("[") && json.endsWith("]")) {
                String[] items = json.substring(1, json.length() - 1).split(",");
                if (items.length == 64) {
                    byte[] bytes = new byte[64];
                    for (int i = 0; i < 64; i++) {
                        int v = Integer.parseInt(items[i].strip());
                        if (v < 0 || v > 255) {
                            throw new NumberFormatException("byte out of range: " + v);
                        }
                        bytes[i] = (byte) v;
                    }
                    return Hashing.hex(bytes);
                }
            }
        } catch (RuntimeException e) {
            throw new MessageFormatException("can not decode the genesis signature", e);
        }
        throw new MessageFormatException("can not decode the genesis signature");
    }
}
