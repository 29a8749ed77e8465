package io.mithrilj.aggregator.devnet;

import java.util.random.RandomGenerator;

/**
 * Stakes drawn from a Pareto distribution, the heavy-tailed shape of Cardano's pool stakes (a few large
 * pools, many small ones): {@code stake = minimum / U^(1/alpha)}, capped at {@code maximum}.
 *
 * @param alpha the shape ({@code 1.16} gives the 80/20 rule)
 * @param minimumStake the smallest stake, lovelace
 * @param maximumStake the cap, lovelace (keeps the total far from the u64 limit)
 */
public record ParetoStakes(double alpha, long minimumStake, long maximumStake) {
    /** 80/20 shape, from 1 000 ADA to 70 M ADA (about mainnet's largest pool). */
    public static final ParetoStakes CARDANO_LIKE = new ParetoStakes(1.16, 1_000_000_000L, 70_000_000_000_000L);

    public ParetoStakes {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("Pareto alpha must be a positive number, got " + alpha);
        }
        if (minimumStake <= 0 || maximumStake < minimumStake) {
            throw new IllegalArgumentException(
                    "stakes must satisfy 0 < minimum <= maximum, got " + minimumStake + ", " + maximumStake);
        }
    }

    /** {@code count} stakes from {@code random} (seeded in tests, {@code SecureRandom} otherwise). */
    public long[] sample(int count, RandomGenerator random) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        long[] stakes = new long[count];
        for (int i = 0; i < count; i++) {
            double u = 1.0 - random.nextDouble(); // in (0, 1]: no division by zero
            double stake = minimumStake / Math.pow(u, 1.0 / alpha);
            stakes[i] = stake >= maximumStake ? maximumStake : Math.max(minimumStake, (long) stake);
        }
        return stakes;
    }
}
