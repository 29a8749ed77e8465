package io.mithrilj.aggregator.crypto.ed25519;

import io.mithrilj.aggregator.crypto.CodecException;
import java.util.Arrays;

/**
 * A 64-byte Ed25519 signature {@code R || S}. Upstream's primary string form is bytes-hex (128 hex
 * characters); json-hex (a JSON array of 64 ints) is accepted as a fallback.
 */
public final class Ed25519Signature {
    public static final int SIZE = 64;

    private final byte[] bytes;

    private Ed25519Signature(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps 64 raw bytes (copied). No check on the content: the verifier does that. */
    public static Ed25519Signature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new CodecException(
                    "Ed25519 signature must be " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new Ed25519Signature(bytes.clone());
    }

    /** Decodes upstream's way: bytes-hex first, then json-hex. */
    public static Ed25519Signature decode(String encoded) {
        return HexJson.decodeEither(
                encoded,
                Ed25519Signature::fromBytesHex,
                Ed25519Signature::fromJsonHex,
                "not an Ed25519 signature in bytes-hex or json-hex");
    }

    /** Hex of the 64 raw bytes (no trimming). */
    public static Ed25519Signature fromBytesHex(String hex) {
        return fromBytes(HexJson.fromHex(hex));
    }

    /** json-hex of a JSON array of 64 ints. */
    public static Ed25519Signature fromJsonHex(String jsonHex) {
        return fromBytes(HexJson.toBytes(HexJson.parseJsonHex(jsonHex), SIZE, "Ed25519 signature"));
    }

    /** Primary encoding: bytes-hex. */
    public String encode() {
        return toBytesHex();
    }

    public String toBytesHex() {
        return HexJson.toHex(bytes);
    }

    public String toJsonHex() {
        return HexJson.jsonToHex(HexJson.jsonByteArray(bytes));
    }

    /** A copy of the 64 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519Signature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519Signature[" + toBytesHex() + "]";
    }
}
