package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * Upstream {@code CardanoStakeDistribution} artifact (artifacts.md §3): the Cardano stake distribution
 * certified for epoch {@code e} (the signed entity type's epoch), with its {@code hash} (the artifact id).
 */
public record CardanoStakeDistribution(Epoch epoch, StakeDistribution stakeDistribution, String hash) {

    public CardanoStakeDistribution {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(stakeDistribution, "stake_distribution");
        Objects.requireNonNull(hash, "hash");
    }

    /** The artifact with its hash computed. */
    public static CardanoStakeDistribution of(Epoch epoch, StakeDistribution stakeDistribution) {
        return new CardanoStakeDistribution(epoch, stakeDistribution, computeHash(epoch, stakeDistribution));
    }

    /** {@code hex(H(be8(epoch) ‖ (ascii(pool_id) ‖ be8(stake)) for each pool in id order))}. */
    public static String computeHash(Epoch epoch, StakeDistribution stakeDistribution) {
        MessageDigest d = Hashing.sha256();
        Hashing.u64(d, epoch.value());
        for (Map.Entry<String, Long> e : stakeDistribution.stakes().entrySet()) {
            Hashing.ascii(d, e.getKey());
            Hashing.u64(d, e.getValue());
        }
        return Hashing.finish(d);
    }
}
