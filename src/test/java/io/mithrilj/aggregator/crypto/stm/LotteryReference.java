package io.mithrilj.aggregator.crypto.stm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An independent high-precision model of upstream's rug lottery, written differently from {@link StmLottery}:
 * decimal arithmetic at 160 digits, {@code ln} by the {@code ln(1+x)} series after scaling into
 * {@code [0.75, 1.5)}, {@code exp} by Taylor on {@code x/2^12} then 12 squarings, and its own 117-bit rounding.
 */
final class LotteryReference {

    static final MathContext MC = new MathContext(160, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal LN2 = lnSeries(BigDecimal.ONE).negate().negate(); // ln(1 + 1) = ln 2
    private static final Map<Double, BigDecimal> LN = new ConcurrentHashMap<>();

    private LotteryReference() {}

    /** {@code phi} as an exact decimal, or null for the constant outcomes (never = 0, handled by caller). */
    static BigDecimal phi(long stake, long total, double phiF) {
        double b = 1.0 - phiF;
        BigDecimal w =
                round117(new BigDecimal(Bytes.unsigned(stake)).divide(new BigDecimal(Bytes.unsigned(total)), MC));
        BigDecimal lnB = LN.computeIfAbsent(b, LotteryReference::ln);
        BigDecimal p = round117(exp(w.multiply(lnB, MC)));
        return round117(BigDecimal.ONE.subtract(p));
    }

    /** won iff R(ev) / 2^512 < phi. */
    static boolean wins(BigInteger ev, BigDecimal phi) {
        BigDecimal q = round117(new BigDecimal(ev));
        return q.compareTo(phi.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(512)))) < 0;
    }

    /** x rounded to 117 significant bits, ties to even, as an exact decimal. */
    static BigDecimal round117(BigDecimal x) {
        if (x.signum() <= 0) {
            return x.signum() == 0 ? BigDecimal.ZERO : round117(x.negate()).negate();
        }
        // find e with 2^116 <= x * 2^e < 2^117
        BigDecimal lo = new BigDecimal(BigInteger.ONE.shiftLeft(116));
        BigDecimal hi = new BigDecimal(BigInteger.ONE.shiftLeft(117));
        int e = 116 - (int) Math.floor(Math.log(x.doubleValue()) / Math.log(2));
        BigDecimal scaled = scale2(x, e);
        while (scaled.compareTo(lo) < 0) {
            e++;
            scaled = scale2(x, e);
        }
        while (scaled.compareTo(hi) >= 0) {
            e--;
            scaled = scale2(x, e);
        }
        BigDecimal integer = scaled.setScale(0, RoundingMode.HALF_EVEN);
        return scale2(integer, -e);
    }

    /** x · 2^e exactly (negative e divides exactly since 1/2 = 0.5). */
    private static BigDecimal scale2(BigDecimal x, int e) {
        if (e >= 0) {
            return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)));
        }
        return x.multiply(new BigDecimal("0.5").pow(-e));
    }

    private static BigDecimal ln(double b) {
        if (!(b > 0 && b < 1)) {
            throw new IllegalArgumentException("reference needs 0 < b < 1, got " + b);
        }
        BigDecimal x = new BigDecimal(b);
        int j = 0;
        while (x.compareTo(new BigDecimal("0.75")) < 0) {
            x = x.multiply(TWO);
            j++;
        }
        while (x.compareTo(new BigDecimal("1.5")) >= 0) {
            x = x.divide(TWO);
            j--;
        }
        return lnSeries(x.subtract(BigDecimal.ONE)).subtract(LN2.multiply(BigDecimal.valueOf(j)), MC);
    }

    /** ln(1 + x) = x - x^2/2 + x^3/3 - ... for |x| <= 1 (for x = 1 via ln 2 = 2 atanh(1/3)). */
    private static BigDecimal lnSeries(BigDecimal x) {
        if (x.compareTo(BigDecimal.ONE) == 0) {
            BigDecimal y = BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC);
            BigDecimal y2 = y.multiply(y, MC);
            BigDecimal term = y;
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 1; term.abs().compareTo(new BigDecimal("1e-170")) > 0; k += 2) {
                sum = sum.add(term.divide(BigDecimal.valueOf(k), MC), MC);
                term = term.multiply(y2, MC);
            }
            return sum.multiply(TWO);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal power = x;
        for (int k = 1; power.abs().compareTo(new BigDecimal("1e-170")) > 0; k++) {
            BigDecimal t = power.divide(BigDecimal.valueOf(k), MC);
            sum = (k % 2 == 1) ? sum.add(t, MC) : sum.subtract(t, MC);
            power = power.multiply(x, MC);
        }
        return sum;
    }

    private static BigDecimal exp(BigDecimal x) {
        BigDecimal y = x.divide(new BigDecimal(4096), MC);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; term.abs().compareTo(new BigDecimal("1e-175")) > 0; n++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        for (int i = 0; i < 12; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }
}
