package io.mithrilj.aggregator.crypto.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The cached-threshold lottery against an independent high-precision model of the rug back end. */
class StmLotteryTest {

    static BigDecimal value(StmLottery.Threshold t) {
        BigDecimal m = new BigDecimal(t.mantissa());
        int e = t.exponent();
        return e >= 0
                ? m.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(e)))
                : m.multiply(new BigDecimal("0.5").pow(-e));
    }

    @Provide
    Arbitrary<Double> phiF() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.95, 0.2, 0.8, 0.5, 0.65, 0.999999, 1e-9, 0.05, 0.999999999),
                Arbitraries.doubles().between(1e-6, 0.9999).ofScale(15));
    }

    @Property(tries = 150)
    void thresholdEqualsTheReference(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 4) long total,
            @ForAll("fraction") double fraction,
            @ForAll("phiF") double phiF) {
        long stake = Math.max(1, (long) (total * fraction));
        StmLottery.Threshold t = StmLottery.threshold(stake, total, phiF);
        BigDecimal expected = LotteryReference.phi(stake, total, phiF);
        if (expected.signum() <= 0) {
            assertTrue(t.neverWins());
        } else {
            assertEquals(0, expected.compareTo(value(t)), () -> "phi(" + stake + "/" + total + ", " + phiF + ")");
        }
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.5, 1.0, 1e-12, 0.25),
                Arbitraries.doubles().between(0.0, 1.0).ofScale(15));
    }

    /** Lottery values a hair away from the threshold, where the 117-bit rounding of q decides. */
    @Property(tries = 100)
    void decisionsNearTheThresholdMatchTheReference(
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long total,
            @ForAll("fraction") double fraction,
            @ForAll("phiF") double phiF,
            @ForAll @LongRange(min = -4, max = 4) long jitter) {
        long stake = Math.max(1, (long) (total * fraction));
        StmLottery.Threshold t = StmLottery.threshold(stake, total, phiF);
        if (t.neverWins() || t.alwaysWins()) {
            return;
        }
        BigDecimal phi = LotteryReference.phi(stake, total, phiF);
        BigInteger tInt =
                value(t).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(512))).toBigIntegerExact();
        int s = tInt.bitLength() - StmLottery.PRECISION;
        BigInteger halfUlp = s > 0 ? BigInteger.ONE.shiftLeft(s - 1) : BigInteger.ONE;
        for (BigInteger base :
                List.of(tInt, tInt.subtract(halfUlp), tInt.add(halfUlp), tInt.subtract(halfUlp.shiftLeft(1)))) {
            BigInteger ev = base.add(BigInteger.valueOf(jitter));
            if (ev.signum() < 0 || ev.bitLength() > 512) {
                continue;
            }
            assertEquals(LotteryReference.wins(ev, phi), t.wins(ev), () -> "ev " + ev.toString(16));
        }
        assertFalse(t.wins(tInt));
        assertTrue(t.wins(tInt.subtract(halfUlp.shiftLeft(2))));
    }

    @Property(tries = 300)
    void randomLotteryValuesMatchTheReference(
            @ForAll @LongRange(min = 1, max = 100_000) long stake,
            @ForAll @LongRange(min = 0, max = 100_000) long extra,
            @ForAll("phiF") double phiF,
            @ForAll("ev") BigInteger ev) {
        long total = stake + extra;
        StmLottery.Threshold t = StmLottery.threshold(stake, total, phiF);
        BigDecimal phi = LotteryReference.phi(stake, total, phiF);
        boolean expected = phi.signum() > 0 && LotteryReference.wins(ev, phi);
        assertEquals(expected, t.wins(ev));
    }

    @Provide
    Arbitrary<BigInteger> ev() {
        return Arbitraries.bytes().array(byte[].class).ofSize(64).map(StmLottery::evToInteger);
    }

    @Example
    void roundingTiesGoToEven() {
        BigInteger base =
                BigInteger.ONE.shiftLeft(200).add(BigInteger.ONE.shiftLeft(84)); // 117 bits then an odd last bit
        BigInteger tieUp = base.add(BigInteger.ONE.shiftLeft(83)); // exactly half an ulp above, last kept bit odd -> up
        assertEquals(base.add(BigInteger.ONE.shiftLeft(84)), StmLottery.roundInteger(tieUp));
        BigInteger even = BigInteger.ONE.shiftLeft(200);
        assertEquals(even, StmLottery.roundInteger(even.add(BigInteger.ONE.shiftLeft(83))));
        assertEquals(
                even.add(BigInteger.ONE.shiftLeft(84)),
                StmLottery.roundInteger(even.add(BigInteger.ONE.shiftLeft(83)).add(BigInteger.ONE)));
    }

    @Example
    void constantOutcomes() {
        assertTrue(StmLottery.threshold(1, 3, 1.0 - 0x1p-53).alwaysWins());
        assertTrue(StmLottery.threshold(3, 3, 1.5).alwaysWins());
        assertTrue(StmLottery.threshold(1, 3, 1.5).neverWins());
        assertTrue(StmLottery.threshold(1, 0, 0.5).neverWins());
        assertTrue(StmLottery.threshold(1, 3, -0.5).neverWins());
        assertTrue(StmLottery.threshold(1, 3, Double.NaN).neverWins());
    }
}
