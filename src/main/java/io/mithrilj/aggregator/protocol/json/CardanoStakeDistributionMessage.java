package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.CardanoStakeDistribution;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.time.Instant;
import java.util.Objects;

/**
 * Upstream {@code CardanoStakeDistributionMessage} ({@code GET /artifact/cardano-stake-distribution/{hash}}):
 * the artifact with its certificate hash and creation time. Written by {@link StakeDistributionJson}.
 */
public record CardanoStakeDistributionMessage(
        Epoch epoch, String hash, String certificateHash, StakeDistribution stakeDistribution, Instant createdAt) {

    public CardanoStakeDistributionMessage {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(certificateHash, "certificate_hash");
        Objects.requireNonNull(stakeDistribution, "stake_distribution");
        Objects.requireNonNull(createdAt, "created_at");
    }

    public static CardanoStakeDistributionMessage of(
            CardanoStakeDistribution artifact, String certificateHash, Instant createdAt) {
        return new CardanoStakeDistributionMessage(
                artifact.epoch(), artifact.hash(), certificateHash, artifact.stakeDistribution(), createdAt);
    }

    /** The artifact entity (its hash as carried, not recomputed). */
    public CardanoStakeDistribution toArtifact() {
        return new CardanoStakeDistribution(epoch, stakeDistribution, hash);
    }

    /** The list item of this artifact. */
    public CardanoStakeDistributionListItemMessage toListItem() {
        return new CardanoStakeDistributionListItemMessage(epoch, hash, certificateHash, createdAt);
    }
}
