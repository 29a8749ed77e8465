package io.mithrilj.aggregator.crypto.stm;

import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The STM lottery ({@code eligibility_check.rs}) with the semantics of upstream's default {@code rug} (MPFR,
 * 117-bit significand, round-to-nearest-even) back end:
 *
 * <pre>
 *   q   = R(ev_int) / 2^512          w = R(stake / total)        b = 1 - phi_f   (IEEE double)
 *   P   = R(b ^ w)                   phi = R(1 - P)              won  iff  q &lt; phi
 * </pre>
 *
 * where {@code R} rounds to 117 significant bits, ties to even. {@code phi} depends only on
 * {@code (stake, total, phi_f)}, so it is computed once per party as an integer threshold
 * {@code T = phi · 2^512} ({@link Threshold}); each index then costs one Blake2b-512 and one integer compare.
 * {@code b^w} is evaluated as {@code exp(w · ln b)} in 640-bit fixed point, far more precision than the final
 * rounding needs (a disagreement with MPFR would need the true value within ~2^-500 of a rounding boundary).
 */
public final class StmLottery {

    static final int PRECISION = 117;
    private static final int F = 640;
    private static final BigInteger ONE = BigInteger.ONE.shiftLeft(F);
    private static final BigInteger LN2 =
            atanh(ONE.divide(BigInteger.valueOf(3))).shiftLeft(1);
    private static final byte[] MAP = {'m', 'a', 'p'};
    private static final Map<Long, BigInteger> LN_CACHE = new ConcurrentHashMap<>();
    private static final Map<Key, Threshold> THRESHOLDS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 200_000;

    private record Key(long stake, long total, long phiBits) {}

    private StmLottery() {}

    /** {@code ev = B2b-512("map" || msgp || u64le(index) || sigma)}, 64 bytes. */
    public static byte[] evaluate(byte[] msgp, long index, byte[] sigma) {
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(MAP, 0, 3);
        d.update(msgp, 0, msgp.length);
        byte[] le = new byte[8];
        for (int i = 0; i < 8; i++) {
            le[i] = (byte) (index >>> (8 * i));
        }
        d.update(le, 0, 8);
        d.update(sigma, 0, sigma.length);
        byte[] out = new byte[64];
        d.doFinal(out, 0);
        return out;
    }

    /** The lottery value read as an unsigned little-endian 512-bit integer. */
    public static BigInteger evToInteger(byte[] ev) {
        byte[] be = new byte[ev.length];
        for (int i = 0; i < ev.length; i++) {
            be[i] = ev[ev.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /** The (cached) threshold of a party with {@code stake} out of {@code totalStake} (both u64). */
    public static Threshold threshold(long stake, long totalStake, double phiF) {
        Key key = new Key(stake, totalStake, Double.doubleToRawLongBits(phiF));
        Threshold t = THRESHOLDS.get(key);
        if (t == null) {
            t = compute(stake, totalStake, phiF);
            if (THRESHOLDS.size() >= MAX_CACHED) {
                THRESHOLDS.clear();
            }
            THRESHOLDS.put(key, t);
        }
        return t;
    }

    /** Whether {@code index} is won by {@code sigma} on {@code msgp} for this threshold. */
    public static boolean isWon(Threshold t, byte[] msgp, long index, byte[] sigma) {
        if (t.always) {
            return true;
        }
        if (t.never) {
            return false;
        }
        return t.wins(evToInteger(evaluate(msgp, index, sigma)));
    }

    /**
     * A per-party winning threshold: either a constant outcome or {@code phi = M · 2^E} with {@code M} of at
     * most 117 bits.
     */
    public static final class Threshold {
        private final boolean always;
        private final boolean never;
        private final BigInteger mantissa;
        private final int exponent;
        /** {@code M · 2^(E+512)} when that is an integer. */
        private final BigInteger scaled;

        private Threshold(boolean always, boolean never, BigInteger mantissa, int exponent) {
            this.always = always;
            this.never = never;
            this.mantissa = mantissa;
            this.exponent = exponent;
            this.scaled = mantissa != null && exponent + 512 >= 0 ? mantissa.shiftLeft(exponent + 512) : null;
        }

        /** {@code phi} as {@code M · 2^E}; {@code null} mantissa for the constant cases. */
        public BigInteger mantissa() {
            return mantissa;
        }

        public int exponent() {
            return exponent;
        }

        public boolean alwaysWins() {
            return always;
        }

        public boolean neverWins() {
            return never;
        }

        /** {@code R(ev) < phi · 2^512} for a 512-bit lottery value. */
        public boolean wins(BigInteger ev) {
            if (always) {
                return true;
            }
            if (never) {
                return false;
            }
            BigInteger q = roundInteger(ev);
            if (scaled != null) {
                return q.compareTo(scaled) < 0;
            }
            return q.shiftLeft(-(exponent + 512)).compareTo(mantissa) < 0;
        }

        @Override
        public String toString() {
            return always
                    ? "Threshold[always]"
                    : never ? "Threshold[never]" : "Threshold[0x" + mantissa.toString(16) + " * 2^" + exponent + "]";
        }
    }

    /** R on a non-negative integer: keep 117 significant bits, ties to even. */
    static BigInteger roundInteger(BigInteger v) {
        int len = v.bitLength();
        if (len <= PRECISION) {
            return v;
        }
        int s = len - PRECISION;
        BigInteger q = v.shiftRight(s);
        boolean half = v.testBit(s - 1);
        if (half) {
            boolean above = v.getLowestSetBit() < s - 1;
            if (above || q.testBit(0)) {
                q = q.add(BigInteger.ONE);
            }
        }
        return q.shiftLeft(s);
    }

    /** R(n / d) for n &gt;= 0, d &gt; 0 as {M, E} with value M · 2^E. */
    static Object[] roundRational(BigInteger n, BigInteger d) {
        if (n.signum() == 0) {
            return new Object[] {BigInteger.ZERO, 0};
        }
        int s = PRECISION - (n.bitLength() - d.bitLength());
        BigInteger q;
        BigInteger r;
        BigInteger dd;
        while (true) {
            BigInteger num = s >= 0 ? n.shiftLeft(s) : n;
            dd = s >= 0 ? d : d.shiftLeft(-s);
            BigInteger[] qr = num.divideAndRemainder(dd);
            q = qr[0];
            r = qr[1];
            if (q.bitLength() > PRECISION) {
                s--;
            } else if (q.bitLength() < PRECISION) {
                s++;
            } else {
                break;
            }
        }
        int c = r.shiftLeft(1).compareTo(dd);
        if (c > 0 || (c == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        return new Object[] {q, -s};
    }

    private static Threshold compute(long stake, long total, double phiF) {
        if (Math.abs(phiF - 1.0) < 0x1p-52) {
            return new Threshold(true, false, null, 0);
        }
        if (stake == 0 || total == 0 || Double.isNaN(phiF)) {
            return new Threshold(false, true, null, 0);
        }
        double b = 1.0 - phiF;
        Object[] w = roundRational(Bytes.unsigned(stake), Bytes.unsigned(total));
        BigInteger wm = (BigInteger) w[0];
        int we = (Integer) w[1];
        boolean wIsOne = stake == total; // u64 ratios differ from 1 by >= 2^-64, so R(w) == 1 iff equal
        if (b >= 1.0) {
            return new Threshold(false, true, null, 0); // P >= 1, phi <= 0
        }
        if (b < 0) {
            // MPFR pow of a negative base: NaN unless the exponent is an integer; w = 1 gives phi = 1 - b > 1
            return wIsOne ? new Threshold(true, false, null, 0) : new Threshold(false, true, null, 0);
        }
        // b in (0, 1): P = b^w = exp(w ln b) in fixed point
        BigInteger lnB = LN_CACHE.computeIfAbsent(Double.doubleToRawLongBits(b), bits -> ln(b));
        BigInteger x = lnB.multiply(wm);
        x = we >= 0 ? x.shiftLeft(we) : x.shiftRight(-we);
        BigInteger p = exp(x);
        Object[] rp = roundRational(p, ONE);
        BigInteger pm = (BigInteger) rp[0];
        int pe = (Integer) rp[1];
        // 1 - pm·2^pe as n / 2^-pe (pe < 0 since P <= 1)
        if (pe >= 0) {
            return new Threshold(false, true, null, 0);
        }
        BigInteger n = BigInteger.ONE.shiftLeft(-pe).subtract(pm);
        if (n.signum() <= 0) {
            return new Threshold(false, true, null, 0);
        }
        Object[] phi = roundRational(n, BigInteger.ONE.shiftLeft(-pe));
        return new Threshold(false, false, (BigInteger) phi[0], (Integer) phi[1]);
    }

    /** ln b in fixed point for a double 0 &lt; b &lt; 1. */
    private static BigInteger ln(double b) {
        long bits = Double.doubleToRawLongBits(b);
        int rawExp = (int) ((bits >>> 52) & 0x7ff);
        long mant = bits & 0xfffffffffffffL;
        int e2;
        if (rawExp == 0) {
            e2 = -1074;
        } else {
            mant |= 1L << 52;
            e2 = rawExp - 1075;
        }
        // b = mant · 2^e2 = m · 2^e with m = mant / 2^len in [0.5, 1)
        int len = 64 - Long.numberOfLeadingZeros(mant);
        int e = e2 + len;
        BigInteger m = BigInteger.valueOf(mant).shiftLeft(F - len);
        BigInteger y = m.subtract(ONE).shiftLeft(F).divide(m.add(ONE));
        BigInteger lnM = atanh(y).shiftLeft(1);
        return lnM.add(LN2.multiply(BigInteger.valueOf(e)));
    }

    /** atanh(y) = Σ y^(2k+1)/(2k+1) in fixed point, |y| &lt;= 1/3. */
    private static BigInteger atanh(BigInteger y) {
        if (y.signum() < 0) {
            return atanh(y.negate()).negate();
        }
        BigInteger y2 = y.multiply(y).shiftRight(F);
        BigInteger power = y;
        BigInteger sum = BigInteger.ZERO;
        for (int k = 1; power.signum() != 0; k += 2) {
            sum = sum.add(power.divide(BigInteger.valueOf(k)));
            power = power.multiply(y2).shiftRight(F);
        }
        return sum;
    }

    /** exp(x) in fixed point: halve until tiny, Taylor series, square back. */
    private static BigInteger exp(BigInteger x) {
        int h = Math.max(0, x.abs().bitLength() - F + 24);
        BigInteger y = x.shiftRight(h);
        BigInteger sum = ONE;
        BigInteger term = ONE;
        for (int n = 1; term.signum() != 0; n++) {
            term = term.multiply(y).shiftRight(F).divide(BigInteger.valueOf(n));
            sum = sum.add(term);
        }
        for (int i = 0; i < h; i++) {
            sum = sum.multiply(sum).shiftRight(F);
        }
        return sum;
    }
}
