package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import java.util.Arrays;

/**
 * A Sum6 KES verification key: 32 bytes, the Blake2b-256 root of the key tree. No structure is
 * checked (any 32 bytes are a key, as upstream).
 */
public final class KesPublicKey {
    public static final int SIZE = 32;

    private final byte[] bytes;

    private KesPublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static KesPublicKey fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new CodecException(
                    "KES public key must be " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new KesPublicKey(bytes.clone());
    }

    public static KesPublicKey fromHex(String hex) {
        return fromBytes(HexJson.fromHex(hex));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    public String toHex() {
        return HexJson.toHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KesPublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "KesPublicKey[" + toHex() + "]";
    }
}
