package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.util.Objects;

/**
 * Upstream {@code SignerRegistrationRound}: the epoch signers register for (the current epoch + 1) and
 * the stake distribution their pools are checked against.
 */
public record SignerRegistrationRound(Epoch epoch, StakeDistribution stakeDistribution) {
    public SignerRegistrationRound {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(stakeDistribution, "stake_distribution");
    }
}
