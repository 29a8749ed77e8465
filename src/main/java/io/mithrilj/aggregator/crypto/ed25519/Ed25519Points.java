package io.mithrilj.aggregator.crypto.ed25519;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Point-encoding checks that BouncyCastle does not expose with ed25519-dalek's exact semantics.
 * Plain {@link BigInteger} arithmetic; used once or twice per verification.
 */
final class Ed25519Points {
    /** Field prime {@code p = 2^255 - 19}. */
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    /** Prime order of the base point, {@code L = 2^252 + 27742317777372353535851937790883648493}. */
    static final BigInteger L =
            BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** Edwards curve constant {@code d = -121665 / 121666 mod p}. */
    static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P))
            .mod(P);

    /** y-coordinate of two of the four points of order 8 (the other two have {@code p - Y8}). */
    static final BigInteger Y8 =
            new BigInteger("2707385501144840649318225287225658788936804267575313519463743609750303402022");

    /** y-coordinates (mod p) of the 8 points of small order: 0 (order 4), 1, p-1 (order 2), ±Y8. */
    private static final Set<BigInteger> SMALL_ORDER_Y =
            Set.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), Y8, P.subtract(Y8));

    private static final BigInteger HALF_P_MINUS_1 = P.subtract(BigInteger.ONE).shiftRight(1);

    private Ed25519Points() {}

    /** The 255-bit little-endian y field of a 32-byte point encoding (sign bit cleared). */
    static BigInteger rawY(byte[] encoding) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = encoding[31 - i];
        }
        be[0] &= 0x7F;
        return new BigInteger(1, be);
    }

    /** True when the y field is {@code >= p} (a non-canonical encoding). */
    static boolean isNonCanonicalY(byte[] encoding) {
        return rawY(encoding).compareTo(P) >= 0;
    }

    /**
     * True when the encoding decompresses to a curve point the way curve25519-dalek does it: y is
     * taken modulo p (non-canonical y accepted), x² = (y² − 1)/(d·y² + 1) must be a square, and a
     * set sign bit with x = 0 is tolerated.
     */
    static boolean decompresses(byte[] encoding) {
        if (encoding == null || encoding.length != 32) {
            return false;
        }
        BigInteger y = rawY(encoding).mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        if (x2.signum() == 0) {
            return true;
        }
        return x2.modPow(HALF_P_MINUS_1, P).equals(BigInteger.ONE);
    }

    /**
     * True when a point that {@linkplain #decompresses decompresses} is of small order (its
     * multiple by the cofactor 8 is the identity), as dalek's {@code is_small_order}.
     */
    static boolean isSmallOrder(byte[] encoding) {
        return SMALL_ORDER_Y.contains(rawY(encoding).mod(P));
    }

    /** The little-endian 256-bit integer of 32 bytes at {@code offset}. */
    static BigInteger littleEndian(byte[] bytes, int offset) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = bytes[offset + 31 - i];
        }
        return new BigInteger(1, be);
    }

    // ---- exact cofactorless verification (slow path, BigInteger extended coordinates) ----

    private static final BigInteger TWO_D = D.shiftLeft(1).mod(P);
    private static final BigInteger SQRT_M1 =
            BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final BigInteger[] IDENTITY = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    private static final BigInteger[] BASE =
            decodeExtended(fromHexLe("5866666666666666666666666666666666666666666666666666666666666666"));

    private static byte[] fromHexLe(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Decodes as curve25519-dalek does (y mod p, sign bit negates x); null when not on the curve. */
    static BigInteger[] decodeExtended(byte[] encoding) {
        BigInteger y = rawY(encoding).mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE)
                .multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P))
                .mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            return null;
        }
        boolean sign = (encoding[31] & 0x80) != 0;
        if (x.testBit(0) != sign) {
            x = P.subtract(x).mod(P);
        }
        return new BigInteger[] {x, y, BigInteger.ONE, x.multiply(y).mod(P)};
    }

    /** Unified addition on the a = -1 twisted Edwards curve in extended coordinates. */
    private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
        BigInteger a = p1[1].subtract(p1[0]).multiply(p2[1].subtract(p2[0])).mod(P);
        BigInteger b = p1[1].add(p1[0]).multiply(p2[1].add(p2[0])).mod(P);
        BigInteger c = p1[3].multiply(TWO_D).multiply(p2[3]).mod(P);
        BigInteger d = p1[2].shiftLeft(1).multiply(p2[2]).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new BigInteger[] {
            e.multiply(f).mod(P),
            g.multiply(h).mod(P),
            f.multiply(g).mod(P),
            e.multiply(h).mod(P)
        };
    }

    private static BigInteger[] negate(BigInteger[] pt) {
        return new BigInteger[] {
            P.subtract(pt[0]).mod(P), pt[1], pt[2], P.subtract(pt[3]).mod(P)
        };
    }

    private static BigInteger[] multiply(BigInteger[] pt, BigInteger n) {
        BigInteger[] acc = IDENTITY;
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            acc = add(acc, acc);
            if (n.testBit(i)) {
                acc = add(acc, pt);
            }
        }
        return acc;
    }

    private static byte[] encode(BigInteger[] pt) {
        BigInteger zInv = pt[2].modInverse(P);
        BigInteger x = pt[0].multiply(zInv).mod(P);
        BigInteger y = pt[1].multiply(zInv).mod(P);
        byte[] be = y.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < be.length && i < 32; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /**
     * ed25519-dalek's {@code verify_strict} equation, computed exactly: {@code encode([S]B − [k]A)
     * == R} with {@code k = SHA-512(R ‖ A ‖ M) mod L} over the key bytes as given. The caller has
     * already checked S, R and the small-order rules. Slow (BigInteger); used only for keys outside
     * the prime-order subgroup or with a non-canonical encoding.
     */
    static boolean cofactorlessEquationHolds(byte[] publicKey, byte[] signature, byte[] message) {
        BigInteger[] a = decodeExtended(publicKey);
        if (a == null) {
            return false;
        }
        byte[] r = java.util.Arrays.copyOfRange(signature, 0, 32);
        BigInteger s = littleEndian(signature, 32);
        byte[] h;
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            sha512.update(r);
            sha512.update(publicKey);
            sha512.update(message);
            h = sha512.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
        byte[] hBe = new byte[64];
        for (int i = 0; i < 64; i++) {
            hBe[i] = h[63 - i];
        }
        BigInteger k = new BigInteger(1, hBe).mod(L);
        BigInteger[] expected = add(multiply(BASE, s), multiply(negate(a), k));
        return MessageDigest.isEqual(encode(expected), r);
    }
}
