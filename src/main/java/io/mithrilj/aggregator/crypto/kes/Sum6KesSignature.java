package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import java.util.Arrays;
import java.util.Map;

/**
 * A 448-byte Sum6 KES signature (layout in {@link Sum6Kes}).
 *
 * <p>String forms, as upstream's {@code ProtocolKey<Sum6KesSig>}: json-hex primary, the JSON being
 * six nested objects {@code {"sigma":…,"lhs_pk":[32 ints],"rhs_pk":[32 ints]}} whose innermost
 * {@code sigma} is the Ed25519 signature as an array of 64 ints; bytes-hex (the 448 raw bytes) is
 * the decoding fallback.
 */
public final class Sum6KesSignature {
    public static final int SIZE = Sum6Kes.SIGNATURE_SIZE;

    private final byte[] bytes;

    private Sum6KesSignature(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps 448 bytes (copied). */
    public static Sum6KesSignature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new CodecException(
                    "KES signature must be " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        return new Sum6KesSignature(bytes.clone());
    }

    /** Decodes upstream's way: json-hex first, then bytes-hex. */
    public static Sum6KesSignature decode(String encoded) {
        return HexJson.decodeEither(
                encoded,
                Sum6KesSignature::fromJsonHex,
                Sum6KesSignature::fromBytesHex,
                "not a KES signature in json-hex or bytes-hex");
    }

    public static Sum6KesSignature fromBytesHex(String hex) {
        return fromBytes(HexJson.fromHex(hex));
    }

    public static Sum6KesSignature fromJsonHex(String jsonHex) {
        return fromJson(HexJson.parseJsonHex(jsonHex));
    }

    /** From an already parsed JSON value (see {@link io.mithrilj.aggregator.crypto.JsonReader}). */
    public static Sum6KesSignature fromJson(Object json) {
        byte[] out = new byte[SIZE];
        Object node = json;
        for (int d = Sum6Kes.DEPTH; d >= 1; d--) {
            Map<?, ?> level = HexJson.toObject(node, "KES signature level " + d);
            byte[] lhs = HexJson.toBytes(HexJson.member(level, "lhs_pk", "KES signature"), 32, "lhs_pk");
            byte[] rhs = HexJson.toBytes(HexJson.member(level, "rhs_pk", "KES signature"), 32, "rhs_pk");
            System.arraycopy(lhs, 0, out, 64 * d, 32);
            System.arraycopy(rhs, 0, out, 64 * d + 32, 32);
            node = HexJson.member(level, "sigma", "KES signature");
        }
        System.arraycopy(HexJson.toBytes(node, 64, "KES signature sigma"), 0, out, 0, 64);
        return new Sum6KesSignature(out);
    }

    /** Primary encoding: json-hex. */
    public String encode() {
        return toJsonHex();
    }

    public String toJsonHex() {
        return HexJson.jsonToHex(toJson());
    }

    /** The compact JSON text (field order {@code sigma, lhs_pk, rhs_pk}). */
    public String toJson() {
        String node = HexJson.jsonByteArray(Arrays.copyOfRange(bytes, 0, 64));
        for (int d = 1; d <= Sum6Kes.DEPTH; d++) {
            node = "{\"sigma\":" + node
                    + ",\"lhs_pk\":" + HexJson.jsonByteArray(Arrays.copyOfRange(bytes, 64 * d, 64 * d + 32))
                    + ",\"rhs_pk\":" + HexJson.jsonByteArray(Arrays.copyOfRange(bytes, 64 * d + 32, 64 * d + 64))
                    + "}";
        }
        return node;
    }

    public String toBytesHex() {
        return HexJson.toHex(bytes);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    /** Shorthand for {@link Sum6Kes#verify}. */
    public void verify(long period, KesPublicKey publicKey, byte[] message) {
        Sum6Kes.verify(period, publicKey, message, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sum6KesSignature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Sum6KesSignature[" + toBytesHex() + "]";
    }
}
