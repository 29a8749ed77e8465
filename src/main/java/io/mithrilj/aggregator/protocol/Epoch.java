package io.mithrilj.aggregator.protocol;

/**
 * A Cardano epoch: an unsigned 64-bit number held in a {@code long} (compare with
 * {@link Long#compareUnsigned}). Displayed as plain decimal, as upstream's {@code current_epoch} part.
 */
public record Epoch(long value) implements Comparable<Epoch> {

    public static Epoch of(long value) {
        return new Epoch(value);
    }

    /** Upstream {@code has_gap_with}: true when the two epochs are more than one apart. */
    public boolean hasGapWith(Epoch other) {
        long diff = Long.compareUnsigned(value, other.value) >= 0 ? value - other.value : other.value - value;
        return Long.compareUnsigned(diff, 1) > 0;
    }

    public Epoch next() {
        return new Epoch(value + 1);
    }

    /** This epoch minus {@code n}; refuses to go below zero. */
    public Epoch minus(long n) {
        if (Long.compareUnsigned(value, n) < 0) {
            throw new IllegalArgumentException("epoch " + this + " minus " + n + " is negative");
        }
        return new Epoch(value - n);
    }

    @Override
    public int compareTo(Epoch o) {
        return Long.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }
}
