package io.mithrilj.aggregator.protocol;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Upstream {@code StakeDistribution}: pool id ({@code pool1…}) to stake in lovelace (unsigned 64-bit),
 * iterated in pool id byte order as the Rust {@code BTreeMap}. Immutable.
 */
public final class StakeDistribution {
    private final SortedMap<String, Long> stakes;

    private StakeDistribution(SortedMap<String, Long> stakes) {
        this.stakes = Collections.unmodifiableSortedMap(stakes);
    }

    /** A distribution of these stakes (copied, re-ordered by pool id). */
    public static StakeDistribution of(Map<String, Long> stakes) {
        TreeMap<String, Long> sorted = new TreeMap<>(PartyIdOrder.BYTES);
        stakes.forEach((pool, stake) ->
                sorted.put(Objects.requireNonNull(pool, "pool id"), Objects.requireNonNull(stake, "stake of " + pool)));
        return new StakeDistribution(sorted);
    }

    public static StakeDistribution empty() {
        return of(Map.of());
    }

    /** Unmodifiable view in pool id byte order. */
    public SortedMap<String, Long> stakes() {
        return stakes;
    }

    /** The stake of a pool, if it is listed. */
    public OptionalLong stakeOf(String poolId) {
        Long stake = stakes.get(poolId);
        return stake == null ? OptionalLong.empty() : OptionalLong.of(stake);
    }

    public int size() {
        return stakes.size();
    }

    public boolean isEmpty() {
        return stakes.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StakeDistribution other && stakes.equals(other.stakes);
    }

    @Override
    public int hashCode() {
        return stakes.hashCode();
    }

    @Override
    public String toString() {
        return "StakeDistribution" + stakes;
    }
}
