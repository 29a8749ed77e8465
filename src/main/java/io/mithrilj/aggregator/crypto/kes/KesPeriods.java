package io.mithrilj.aggregator.crypto.kes;

/** KES period arithmetic (all values unsigned 64-bit, as upstream's {@code u64}). */
public final class KesPeriods {
    /** Slots per KES period on mainnet and the public testnets. */
    public static final long MAINNET_SLOTS_PER_KES_PERIOD = 129_600L;

    private KesPeriods() {}

    /** Absolute KES period of a slot: {@code floor(slot / slotsPerKesPeriod)}. */
    public static long kesPeriodOfSlot(long slot, long slotsPerKesPeriod) {
        if (slotsPerKesPeriod == 0) {
            throw new IllegalArgumentException("slotsPerKesPeriod must not be 0");
        }
        return Long.divideUnsigned(slot, slotsPerKesPeriod);
    }

    /**
     * KES evolutions of a key whose opcert starts at {@code startKesPeriod}, at the absolute period
     * {@code currentKesPeriod}: {@code current − start}, saturating at 0 as upstream does.
     */
    public static long evolutions(long currentKesPeriod, long startKesPeriod) {
        return Long.compareUnsigned(currentKesPeriod, startKesPeriod) <= 0 ? 0 : currentKesPeriod - startKesPeriod;
    }

    /**
     * Evolutions as a Sum6 period {@code 0..63}.
     *
     * @throws KesPeriodOutOfRangeException when they are 64 or more (the KES key has expired)
     */
    public static int checkedEvolutions(long currentKesPeriod, long startKesPeriod) {
        long e = evolutions(currentKesPeriod, startKesPeriod);
        if (Long.compareUnsigned(e, Sum6Kes.TOTAL_PERIODS) >= 0) {
            throw new KesPeriodOutOfRangeException(
                    e,
                    "current KES period "
                            + Long.toUnsignedString(currentKesPeriod) + ", opcert start "
                            + Long.toUnsignedString(startKesPeriod));
        }
        return (int) e;
    }
}
