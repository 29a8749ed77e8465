package io.mithrilj.aggregator.crypto.kes;

/**
 * A KES period (relative to the key's start, i.e. a number of evolutions) is outside what a Sum6
 * key covers ({@code 0..63}), or a key cannot evolve that far.
 */
public final class KesPeriodOutOfRangeException extends KesException {
    private static final long serialVersionUID = 1L;

    private final long evolutions;

    /** @param evolutions the offending number of evolutions (unsigned) */
    public KesPeriodOutOfRangeException(long evolutions, String detail) {
        super(
                "KES evolutions " + Long.toUnsignedString(evolutions) + " out of range 0.."
                        + (Sum6Kes.TOTAL_PERIODS - 1) + (detail == null ? "" : ": " + detail),
                null);
        this.evolutions = evolutions;
    }

    /** The offending number of evolutions (unsigned). */
    public long evolutions() {
        return evolutions;
    }
}
