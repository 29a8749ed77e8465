package io.mithrilj.aggregator.crypto.ed25519;

import io.mithrilj.aggregator.crypto.CodecException;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A 32-byte Ed25519 verification (public) key.
 *
 * <p>Upstream's primary string form is json-hex of the JSON array of the 32 bytes (e.g. {@code
 * 5b33322c...5d}); bytes-hex is the fallback. As with ed25519-dalek, a key must decompress to a
 * curve point to be constructed; small-order keys can be constructed but never verify.
 */
public final class Ed25519VerificationKey {
    public static final int SIZE = 32;

    private final byte[] bytes;
    /** Canonical and in the prime-order subgroup (BouncyCastle's full validation); computed lazily. */
    private volatile Boolean primeOrder;

    private Ed25519VerificationKey(byte[] bytes) {
        this.bytes = bytes;
    }

    private boolean isCanonicalPrimeOrder() {
        Boolean v = primeOrder;
        if (v == null) {
            v = Ed25519.validatePublicKeyFull(bytes, 0);
            primeOrder = v;
        }
        return v;
    }

    /** Wraps 32 bytes (copied); they must decode to a curve point. */
    public static Ed25519VerificationKey fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new CodecException("Ed25519 verification key must be " + SIZE + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        if (!Ed25519Points.decompresses(bytes)) {
            throw new CodecException("Ed25519 verification key is not a valid curve point");
        }
        return new Ed25519VerificationKey(bytes.clone());
    }

    /** Decodes upstream's way: json-hex first, then bytes-hex. */
    public static Ed25519VerificationKey decode(String encoded) {
        return HexJson.decodeEither(
                encoded,
                Ed25519VerificationKey::fromJsonHex,
                Ed25519VerificationKey::fromBytesHex,
                "not an Ed25519 verification key in json-hex or bytes-hex");
    }

    public static Ed25519VerificationKey fromJsonHex(String jsonHex) {
        return fromBytes(HexJson.toBytes(HexJson.parseJsonHex(jsonHex), SIZE, "Ed25519 verification key"));
    }

    public static Ed25519VerificationKey fromBytesHex(String hex) {
        return fromBytes(HexJson.fromHex(hex));
    }

    /** Primary encoding: json-hex. */
    public String encode() {
        return toJsonHex();
    }

    public String toJsonHex() {
        return HexJson.jsonToHex(HexJson.jsonByteArray(bytes));
    }

    public String toBytesHex() {
        return HexJson.toHex(bytes);
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /**
     * Verifies with ed25519-dalek {@code verify_strict} semantics.
     *
     * @throws Ed25519VerificationException with the reason of the first failed check
     */
    public void verify(byte[] message, Ed25519Signature signature) {
        byte[] sig = signature.rawBytes();
        if (Ed25519Points.littleEndian(sig, 32).compareTo(Ed25519Points.L) >= 0) {
            throw new Ed25519VerificationException(Ed25519VerificationException.Reason.NON_CANONICAL_S);
        }
        byte[] r = Arrays.copyOfRange(sig, 0, 32);
        if (Ed25519Points.isNonCanonicalY(r)) {
            throw new Ed25519VerificationException(Ed25519VerificationException.Reason.NON_CANONICAL_R);
        }
        if (!Ed25519Points.decompresses(r)) {
            throw new Ed25519VerificationException(Ed25519VerificationException.Reason.INVALID_R);
        }
        if (Ed25519Points.isSmallOrder(r)) {
            throw new Ed25519VerificationException(Ed25519VerificationException.Reason.SMALL_ORDER_R);
        }
        if (Ed25519Points.isSmallOrder(bytes)) {
            throw new Ed25519VerificationException(Ed25519VerificationException.Reason.SMALL_ORDER_PUBLIC_KEY);
        }
        // BouncyCastle checks the cofactored equation 8·R = 8·([S]B − [k]A); dalek's verify_strict
        // checks R = [S]B − [k]A. With A in the prime-order subgroup both agree exactly when R is in
        // it too. Other keys (mixed order, non-canonical encoding) take the exact slow path.
        boolean valid = isCanonicalPrimeOrder()
                ? Ed25519.validatePublicKeyFull(r, 0) && Ed25519.verify(sig, 0, bytes, 0, message, 0, message.length)
                : Ed25519Points.cofactorlessEquationHolds(bytes, sig, message);
        if (!valid) {
            throw new Ed25519VerificationException(Ed25519VerificationException.Reason.SIGNATURE_MISMATCH);
        }
    }

    /** {@link #verify} as a boolean. */
    public boolean isValid(byte[] message, Ed25519Signature signature) {
        try {
            verify(message, signature);
            return true;
        } catch (Ed25519VerificationException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519VerificationKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519VerificationKey[" + toBytesHex() + "]";
    }
}
