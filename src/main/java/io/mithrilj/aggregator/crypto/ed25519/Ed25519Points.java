package io.mithrilj.aggregator.crypto.ed25519;

import java.math.BigInteger;
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
    static final BigInteger D =
            BigInteger.valueOf(-121665)
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
}
