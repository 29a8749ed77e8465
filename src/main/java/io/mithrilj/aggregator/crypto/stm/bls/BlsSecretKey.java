package io.mithrilj.aggregator.crypto.stm.bls;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

/** A BLS secret scalar (0 &lt; sk &lt; r). {@link #toString()} never shows the key. */
public final class BlsSecretKey {

    /** Order r of the BLS12-381 subgroups. */
    public static final BigInteger CURVE_ORDER =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    private static final byte[] EMPTY = new byte[0];

    private final SecretKey key;

    private BlsSecretKey(SecretKey key) {
        this.key = key;
    }

    /** blst {@code key_gen(ikm, info = "")} (draft-irtf-cfrg-bls-signature-04 KeyGen) over 32 bytes. */
    public static BlsSecretKey keyGen(byte[] ikm) {
        if (ikm.length < 32) {
            throw new IllegalArgumentException("key generation needs at least 32 bytes of input keying material");
        }
        SecretKey sk = new SecretKey();
        sk.keygen(ikm, "");
        return new BlsSecretKey(sk);
    }

    /** A fresh key from 32 bytes of the given CSPRNG. */
    public static BlsSecretKey generate(SecureRandom random) {
        byte[] ikm = new byte[32];
        random.nextBytes(ikm);
        try {
            return keyGen(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** Decodes 32 big-endian bytes; rejects 0 and values &gt;= r (blst's own decoder would not). */
    public static BlsSecretKey fromBigEndian(byte[] bytes) throws BlsDecodingException {
        if (bytes == null || bytes.length != 32) {
            throw new BlsDecodingException(BlsDecodingException.Kind.MALFORMED, "secret key must be 32 bytes");
        }
        BigInteger v = new BigInteger(1, bytes);
        if (v.signum() == 0 || v.compareTo(CURVE_ORDER) >= 0) {
            throw new BlsDecodingException(BlsDecodingException.Kind.MALFORMED, "secret key out of range");
        }
        SecretKey sk = new SecretKey();
        sk.from_bendian(bytes);
        return new BlsSecretKey(sk);
    }

    /** 32 bytes big-endian. */
    public byte[] toBigEndian() {
        return key.to_bendian();
    }

    /** {@code sk · H(msg)}, H = hash to G1 with the empty DST. */
    public G1Point sign(byte[] message) {
        return G1Point.ofTrusted(
                new P1().hash_to(message, "", EMPTY).sign_with(key).compress());
    }

    /** {@code sk · G2}: the verification key. */
    public G2Point publicKeyG2() {
        return G2Point.ofTrusted(new P2(key).compress());
    }

    /** {@code sk · G1}: the second PoP component. */
    public G1Point publicKeyG1() {
        return G1Point.ofTrusted(new P1(key).compress());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsSecretKey k && Arrays.equals(toBigEndian(), k.toBigEndian());
    }

    @Override
    public int hashCode() {
        return 0x5ec4e7;
    }

    @Override
    public String toString() {
        return "BlsSecretKey[redacted]";
    }
}
