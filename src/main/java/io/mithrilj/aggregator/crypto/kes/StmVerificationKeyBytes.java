package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import java.util.Map;

/**
 * Minimal reader of a signer's STM {@code verification_key} field, giving the 192 bytes {@code vk
 * (96) ‖ pop (96)} that the KES signature covers. Only the shape is checked; validating the BLS
 * points belongs to the STM package.
 */
public final class StmVerificationKeyBytes {
    /** Size of the signed STM key: BLS12-381 G2 verification key + proof of possession. */
    public static final int SIZE = 192;

    private StmVerificationKeyBytes() {}

    /** json-hex {@code {"vk":[96 ints],"pop":[96 ints]}} first, then bytes-hex of 192 bytes. */
    public static byte[] decode(String encoded) {
        try {
            return fromJsonHex(encoded);
        } catch (CodecException jsonHexFailure) {
            try {
                byte[] raw = HexJson.fromHex(encoded);
                if (raw.length != SIZE) {
                    throw new CodecException("STM verification key must be " + SIZE + " bytes, got " + raw.length);
                }
                return raw;
            } catch (CodecException bytesHexFailure) {
                bytesHexFailure.addSuppressed(jsonHexFailure);
                throw new CodecException("not an STM verification key in json-hex or bytes-hex", bytesHexFailure);
            }
        }
    }

    public static byte[] fromJsonHex(String jsonHex) {
        Map<?, ?> obj = HexJson.toObject(HexJson.parseJsonHex(jsonHex), "STM verification key");
        byte[] vk = HexJson.toBytes(HexJson.member(obj, "vk", "STM verification key"), 96, "vk");
        byte[] pop = HexJson.toBytes(HexJson.member(obj, "pop", "STM verification key"), 96, "pop");
        byte[] out = new byte[SIZE];
        System.arraycopy(vk, 0, out, 0, 96);
        System.arraycopy(pop, 0, out, 96, 96);
        return out;
    }
}
