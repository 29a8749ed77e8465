package io.mithrilj.aggregator.crypto.ed25519;

import io.mithrilj.aggregator.crypto.CodecException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 signing key: the 32-byte RFC 8032 seed (ed25519-dalek's {@code SigningKey}).
 *
 * <p>Upstream's primary string form is json-hex of the JSON array of the 32 seed bytes;
 * bytes-hex is the fallback. {@link #toString()} never shows the seed.
 */
public final class Ed25519SigningKey {
    public static final int SIZE = 32;

    private final byte[] seed;
    private final Ed25519VerificationKey verificationKey;

    private Ed25519SigningKey(byte[] seed) {
        this.seed = seed;
        byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        this.verificationKey = Ed25519VerificationKey.fromBytes(pk);
    }

    /** A fresh key from a {@link SecureRandom}. */
    public static Ed25519SigningKey generate() {
        return generate(new SecureRandom());
    }

    /** A fresh key drawing its 32-byte seed from {@code random}. */
    public static Ed25519SigningKey generate(SecureRandom random) {
        byte[] seed = new byte[SIZE];
        random.nextBytes(seed);
        return new Ed25519SigningKey(seed);
    }

    /** The key of a 32-byte seed (copied). */
    public static Ed25519SigningKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != SIZE) {
            throw new CodecException(
                    "Ed25519 secret key must be " + SIZE + " bytes, got " + (seed == null ? "null" : seed.length));
        }
        return new Ed25519SigningKey(seed.clone());
    }

    /**
     * Upstream's deterministic <b>test</b> key ({@code create_deterministic_signer}): the seed is
     * the first 32 bytes of the ChaCha20 keystream with an all-zero key and nonce. Its
     * verification key is the genesis key of the reference fixtures. Never use it in production.
     */
    public static Ed25519SigningKey deterministicTestKey() {
        return fromSeed(chaCha20ZeroKeystream(SIZE));
    }

    /** The first {@code length} bytes of the ChaCha20 keystream with all-zero key and nonce. */
    public static byte[] chaCha20ZeroKeystream(int length) {
        ChaChaEngine engine = new ChaChaEngine(20);
        engine.init(true, new ParametersWithIV(new KeyParameter(new byte[32]), new byte[8]));
        byte[] out = new byte[length];
        engine.processBytes(new byte[length], 0, length, out, 0);
        return out;
    }

    /** Decodes upstream's way: json-hex first, then bytes-hex. */
    public static Ed25519SigningKey decode(String encoded) {
        return HexJson.decodeEither(
                encoded,
                Ed25519SigningKey::fromJsonHex,
                Ed25519SigningKey::fromBytesHex,
                "not an Ed25519 secret key in json-hex or bytes-hex");
    }

    public static Ed25519SigningKey fromJsonHex(String jsonHex) {
        return fromSeed(HexJson.toBytes(HexJson.parseJsonHex(jsonHex), SIZE, "Ed25519 secret key"));
    }

    public static Ed25519SigningKey fromBytesHex(String hex) {
        return fromSeed(HexJson.fromHex(hex));
    }

    /** Primary encoding: json-hex. */
    public String encode() {
        return toJsonHex();
    }

    public String toJsonHex() {
        return HexJson.jsonToHex(HexJson.jsonByteArray(seed));
    }

    public String toBytesHex() {
        return HexJson.toHex(seed);
    }

    /** A copy of the 32-byte seed. */
    public byte[] seed() {
        return seed.clone();
    }

    public Ed25519VerificationKey verificationKey() {
        return verificationKey;
    }

    /** Pure Ed25519 (RFC 8032, no context, no prehash); deterministic. */
    public Ed25519Signature sign(byte[] message) {
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
        return Ed25519Signature.fromBytes(sig);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519SigningKey other && MessageDigest.isEqual(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return verificationKey.hashCode();
    }

    @Override
    public String toString() {
        return "Ed25519SigningKey[vk=" + verificationKey.toBytesHex() + ", seed=<redacted>]";
    }
}
