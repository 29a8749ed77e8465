package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.Epoch;
import java.time.Instant;
import java.util.Objects;

/** Upstream {@code MithrilStakeDistributionListItemMessage} ({@code GET /artifact/mithril-stake-distributions}). */
public record MithrilStakeDistributionListItemMessage(
        Epoch epoch, String hash, String certificateHash, Instant createdAt) {
    public MithrilStakeDistributionListItemMessage {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(certificateHash, "certificate_hash");
        Objects.requireNonNull(createdAt, "created_at");
    }
}
