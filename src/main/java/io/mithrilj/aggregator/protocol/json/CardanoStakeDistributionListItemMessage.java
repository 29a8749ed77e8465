package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.Epoch;
import java.time.Instant;
import java.util.Objects;

/** Upstream {@code CardanoStakeDistributionListItemMessage} ({@code GET /artifact/cardano-stake-distributions}). */
public record CardanoStakeDistributionListItemMessage(
        Epoch epoch, String hash, String certificateHash, Instant createdAt) {
    public CardanoStakeDistributionListItemMessage {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(certificateHash, "certificate_hash");
        Objects.requireNonNull(createdAt, "created_at");
    }
}
