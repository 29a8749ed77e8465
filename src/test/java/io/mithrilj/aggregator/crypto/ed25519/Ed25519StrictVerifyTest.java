package io.mithrilj.aggregator.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException.Reason;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** verify_strict semantics: what dalek rejects, including what BouncyCastle alone accepts. */
class Ed25519StrictVerifyTest {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);
    private static final byte[] MSG = "strict verification".getBytes(StandardCharsets.US_ASCII);

    /** Canonical encodings of the 8 points of small order (the torsion subgroup). */
    static final List<String> SMALL_ORDER_POINTS = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000", // identity
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // (0,-1), order 2
            "0000000000000000000000000000000000000000000000000000000000000000", // order 4
            "0000000000000000000000000000000000000000000000000000000000000080", // order 4
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85", // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"); // order 8

    private static final String BASE_POINT = "5866666666666666666666666666666666666666666666666666666666666666";

    // ---- independent affine Edwards arithmetic, for the test only ----

    private static BigInteger[] decode(byte[] enc) {
        BigInteger y = Ed25519Points.littleEndian(enc, 0).clearBit(255);
        boolean sign = (enc[31] & 0x80) != 0;
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE)
                .multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P))
                .mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P))
                    .mod(P);
        }
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            return null;
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x).mod(P);
        }
        return new BigInteger[] {x, y};
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        BigInteger t =
                D.multiply(a[0]).multiply(b[0]).multiply(a[1]).multiply(b[1]).mod(P);
        BigInteger x = a[0].multiply(b[1])
                .add(a[1].multiply(b[0]))
                .multiply(BigInteger.ONE.add(t).modInverse(P))
                .mod(P);
        BigInteger y = a[1].multiply(b[1])
                .add(a[0].multiply(b[0]))
                .multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P))
                .mod(P);
        return new BigInteger[] {x, y};
    }

    private static boolean timesEightIsIdentity(byte[] enc) {
        BigInteger[] q = decode(enc);
        for (int i = 0; i < 3; i++) {
            q = add(q, q);
        }
        return q[0].signum() == 0 && q[1].equals(BigInteger.ONE);
    }

    private static byte[] le32(BigInteger v) {
        byte[] out = new byte[32];
        byte[] be = v.toByteArray();
        for (int i = 0; i < be.length && i < 32; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** A signature with a chosen R for which the cofactorless equation holds: S = k·a mod L. */
    private static byte[] signWithChosenR(Ed25519SigningKey sk, byte[] r, byte[] msg) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-512").digest(sk.seed());
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        BigInteger a = Ed25519Points.littleEndian(h, 0);
        byte[] kh = MessageDigest.getInstance("SHA-512")
                .digest(concat(r, sk.verificationKey().toBytes(), msg));
        byte[] khBe = new byte[64];
        for (int i = 0; i < 64; i++) {
            khBe[i] = kh[63 - i];
        }
        BigInteger k = new BigInteger(1, khBe).mod(L);
        return concat(r, le32(k.multiply(a).mod(L)));
    }

    // ---- tests ----

    @Test
    void smallOrderTableIsTheTorsionSubgroup() {
        for (String hex : SMALL_ORDER_POINTS) {
            byte[] enc = HexJson.fromHex(hex);
            assertTrue(timesEightIsIdentity(enc), hex);
            assertTrue(Ed25519Points.decompresses(enc), hex);
            assertTrue(Ed25519Points.isSmallOrder(enc), hex);
        }
        byte[] base = HexJson.fromHex(BASE_POINT);
        assertFalse(timesEightIsIdentity(base));
        assertFalse(Ed25519Points.isSmallOrder(base));
        byte[] someKey =
                Ed25519SigningKey.deterministicTestKey().verificationKey().toBytes();
        assertFalse(Ed25519Points.isSmallOrder(someKey));
    }

    @Test
    void validSignatureVerifies() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        sk.verificationKey().verify(MSG, sk.sign(MSG));
    }

    @Test
    void rejectsNonCanonicalS() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        byte[] sig = sk.sign(MSG).toBytes();
        BigInteger s = Ed25519Points.littleEndian(sig, 32);
        System.arraycopy(le32(s.add(L)), 0, sig, 32, 32); // same point equation, non-reduced S
        Ed25519VerificationException e = assertThrows(
                Ed25519VerificationException.class,
                () -> sk.verificationKey().verify(MSG, Ed25519Signature.fromBytes(sig)));
        assertEquals(Reason.NON_CANONICAL_S, e.reason());
        assertFalse(
                Ed25519.verify(sig, 0, sk.verificationKey().toBytes(), 0, MSG, 0, MSG.length),
                "BouncyCastle rejects a non-canonical S by itself too");
    }

    @Test
    void rejectsSmallOrderR_whichBouncyCastleAloneAccepts() throws Exception {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        byte[] identity = HexJson.fromHex(SMALL_ORDER_POINTS.get(0));
        byte[] sig = signWithChosenR(sk, identity, MSG);
        // the cofactorless equation holds, so plain RFC 8032 verification accepts it ...
        assertTrue(
                Ed25519.verify(sig, 0, sk.verificationKey().toBytes(), 0, MSG, 0, MSG.length),
                "BouncyCastle accepts R = identity: the explicit small-order check is needed");
        // ... but dalek's verify_strict does not
        Ed25519VerificationException e = assertThrows(
                Ed25519VerificationException.class,
                () -> sk.verificationKey().verify(MSG, Ed25519Signature.fromBytes(sig)));
        assertEquals(Reason.SMALL_ORDER_R, e.reason());
    }

    @Test
    void rejectsEverySmallOrderR() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        for (String hex : SMALL_ORDER_POINTS) {
            byte[] sig = concat(HexJson.fromHex(hex), new byte[32]);
            Ed25519VerificationException e = assertThrows(
                    Ed25519VerificationException.class,
                    () -> sk.verificationKey().verify(MSG, Ed25519Signature.fromBytes(sig)),
                    hex);
            assertEquals(Reason.SMALL_ORDER_R, e.reason(), hex);
        }
    }

    @Test
    void rejectsEverySmallOrderPublicKey() {
        byte[] base = HexJson.fromHex(BASE_POINT);
        for (String hex : SMALL_ORDER_POINTS) {
            Ed25519VerificationKey vk = Ed25519VerificationKey.fromBytesHex(hex); // decodes, like dalek
            // R = B, S = 1: [1]B - [k]A = B when A is the identity, so this is a "valid" signature
            byte[] one = new byte[32];
            one[0] = 1;
            Ed25519Signature sig = Ed25519Signature.fromBytes(concat(base, one));
            Ed25519VerificationException e =
                    assertThrows(Ed25519VerificationException.class, () -> vk.verify(MSG, sig), hex);
            assertEquals(Reason.SMALL_ORDER_PUBLIC_KEY, e.reason(), hex);
        }
    }

    @Test
    void rejectsSmallOrderKeyGivenInNonCanonicalForm() {
        // y = p + 1 ≡ 1: the identity, written non-canonically; dalek decodes it and rejects it as weak
        Ed25519VerificationKey vk =
                Ed25519VerificationKey.fromBytesHex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        byte[] one = new byte[32];
        one[0] = 1;
        Ed25519Signature sig = Ed25519Signature.fromBytes(concat(HexJson.fromHex(BASE_POINT), one));
        assertEquals(
                Reason.SMALL_ORDER_PUBLIC_KEY,
                assertThrows(Ed25519VerificationException.class, () -> vk.verify(MSG, sig))
                        .reason());
    }

    @Test
    void rejectsNonCanonicalR() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        // y = 2^255 - 1 >= p
        byte[] r = HexJson.fromHex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        Ed25519Signature sig = Ed25519Signature.fromBytes(concat(r, new byte[32]));
        assertEquals(
                Reason.NON_CANONICAL_R,
                assertThrows(
                                Ed25519VerificationException.class,
                                () -> sk.verificationKey().verify(MSG, sig))
                        .reason());
    }

    @Test
    void rejectsRNotOnCurve() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        byte[] r = null;
        for (int y = 2; r == null; y++) {
            byte[] candidate = le32(BigInteger.valueOf(y));
            if (decode(candidate) == null) {
                r = candidate;
            }
        }
        assertFalse(Ed25519Points.decompresses(r));
        Ed25519Signature sig = Ed25519Signature.fromBytes(concat(r, new byte[32]));
        assertEquals(
                Reason.INVALID_R,
                assertThrows(
                                Ed25519VerificationException.class,
                                () -> sk.verificationKey().verify(MSG, sig))
                        .reason());
        // and such bytes are not accepted as a verification key either
        byte[] notOnCurve = r;
        assertThrows(CodecException.class, () -> Ed25519VerificationKey.fromBytes(notOnCurve));
    }

    @Test
    void rejectsWrongKeyAndWrongMessage() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        Ed25519Signature sig = sk.sign(MSG);
        Ed25519VerificationKey other = Ed25519SigningKey.fromSeed(new byte[32]).verificationKey();
        assertEquals(
                Reason.SIGNATURE_MISMATCH,
                assertThrows(Ed25519VerificationException.class, () -> other.verify(MSG, sig))
                        .reason());
        assertFalse(sk.verificationKey().isValid("other".getBytes(StandardCharsets.US_ASCII), sig));
    }

    @Test
    void generatedKeysSignAndVerify() {
        Ed25519SigningKey a = Ed25519SigningKey.generate();
        Ed25519SigningKey b = Ed25519SigningKey.generate();
        assertFalse(a.equals(b));
        a.verificationKey().verify(MSG, a.sign(MSG));
        assertFalse(b.verificationKey().isValid(MSG, a.sign(MSG)));
    }

    @Test
    void acceptsMixedOrderPublicKeyLikeDalek() throws Exception {
        // A = A' + T with T = (0,-1) of order 2, i.e. (-x', -y'). verify_strict only rejects keys of
        // small order, so a signature whose challenge k is even verifies under A as under A'.
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        BigInteger[] a = decode(sk.verificationKey().toBytes());
        BigInteger x = P.subtract(a[0]).mod(P);
        byte[] mixed = le32(P.subtract(a[1]).mod(P));
        if (x.testBit(0)) {
            mixed[31] |= (byte) 0x80;
        }
        assertFalse(Ed25519Points.isSmallOrder(mixed));
        assertFalse(timesEightIsIdentity(mixed));
        Ed25519VerificationKey vk = Ed25519VerificationKey.fromBytes(mixed);
        byte[] h = MessageDigest.getInstance("SHA-512").digest(sk.seed());
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        BigInteger secret = Ed25519Points.littleEndian(h, 0);
        int accepted = 0;
        for (int nonce = 1; nonce <= 8; nonce++) {
            // R = [nonce]B, computed as the public key of a scalar: use BouncyCastle via a seed-free path
            byte[] r = scalarMultBase(BigInteger.valueOf(nonce));
            byte[] kh = MessageDigest.getInstance("SHA-512").digest(concat(r, mixed, MSG));
            byte[] khBe = new byte[64];
            for (int i = 0; i < 64; i++) {
                khBe[i] = kh[63 - i];
            }
            BigInteger k = new BigInteger(1, khBe).mod(L);
            byte[] sig = concat(
                    r, le32(BigInteger.valueOf(nonce).add(k.multiply(secret)).mod(L)));
            boolean ours = vk.isValid(MSG, Ed25519Signature.fromBytes(sig));
            boolean bc = Ed25519.verify(sig, 0, mixed, 0, MSG, 0, MSG.length);
            assertTrue(bc, "BouncyCastle (cofactored) accepts every one, nonce " + nonce);
            assertEquals(!k.testBit(0), ours, "cofactorless: valid iff k is even, nonce " + nonce);
            if (ours) {
                accepted++;
            }
        }
        assertTrue(accepted > 0 && accepted < 8, "both parities occur in 8 tries: " + accepted);
    }

    /** [n]B encoded, by double-and-add with the test's affine arithmetic. */
    private static byte[] scalarMultBase(BigInteger n) {
        BigInteger[] base = decode(HexJson.fromHex(BASE_POINT));
        BigInteger[] acc = {BigInteger.ZERO, BigInteger.ONE};
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            acc = add(acc, acc);
            if (n.testBit(i)) {
                acc = add(acc, base);
            }
        }
        byte[] enc = le32(acc[1]);
        if (acc[0].testBit(0)) {
            enc[31] |= (byte) 0x80;
        }
        return enc;
    }

    @Test
    void rejectsRWithATorsionComponent_whichBouncyCastleAloneAccepts() throws Exception {
        // R = [r]B + T with T = (0,-1): the cofactored equation holds, dalek's cofactorless one does not
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        byte[] h = MessageDigest.getInstance("SHA-512").digest(sk.seed());
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        BigInteger secret = Ed25519Points.littleEndian(h, 0);
        BigInteger nonce = BigInteger.valueOf(12345);
        BigInteger[] r0 = decode(scalarMultBase(nonce));
        byte[] r = le32(P.subtract(r0[1]).mod(P));
        if (P.subtract(r0[0]).mod(P).testBit(0)) {
            r[31] |= (byte) 0x80;
        }
        byte[] a = sk.verificationKey().toBytes();
        byte[] kh = MessageDigest.getInstance("SHA-512").digest(concat(r, a, MSG));
        byte[] khBe = new byte[64];
        for (int i = 0; i < 64; i++) {
            khBe[i] = kh[63 - i];
        }
        BigInteger k = new BigInteger(1, khBe).mod(L);
        byte[] sig = concat(r, le32(nonce.add(k.multiply(secret)).mod(L)));
        assertTrue(Ed25519.verify(sig, 0, a, 0, MSG, 0, MSG.length), "BouncyCastle verification is cofactored");
        assertEquals(
                Reason.SIGNATURE_MISMATCH,
                assertThrows(
                                Ed25519VerificationException.class,
                                () -> sk.verificationKey().verify(MSG, Ed25519Signature.fromBytes(sig)))
                        .reason());
        assertFalse(Ed25519Points.cofactorlessEquationHolds(a, sig, MSG));
    }

    @Test
    void exactSlowPathAgreesWithBouncyCastleOnHonestSignatures() {
        for (int i = 0; i < 5; i++) {
            Ed25519SigningKey sk = Ed25519SigningKey.generate();
            byte[] msg = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = sk.sign(msg).toBytes();
            byte[] a = sk.verificationKey().toBytes();
            assertTrue(Ed25519Points.cofactorlessEquationHolds(a, sig, msg));
            sig[40] ^= 1;
            assertFalse(Ed25519Points.cofactorlessEquationHolds(a, sig, msg));
            assertFalse(Ed25519.verify(sig, 0, a, 0, msg, 0, msg.length));
        }
    }
}
