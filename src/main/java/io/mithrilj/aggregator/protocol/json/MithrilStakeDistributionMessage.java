package io.mithrilj.aggregator.protocol.json;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.MithrilStakeDistribution;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Upstream {@code MithrilStakeDistributionMessage} ({@code GET /artifact/mithril-stake-distribution/{hash}}):
 * the artifact with its certificate hash and creation time. Written by {@link StakeDistributionJson}.
 */
public record MithrilStakeDistributionMessage(
        Epoch epoch,
        List<SignerWithStake> signers,
        String hash,
        String certificateHash,
        Instant createdAt,
        ProtocolParameters protocolParameters) {

    public MithrilStakeDistributionMessage {
        Objects.requireNonNull(epoch, "epoch");
        signers = List.copyOf(signers);
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(certificateHash, "certificate_hash");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(protocolParameters, "protocol_parameters");
    }

    public static MithrilStakeDistributionMessage of(
            MithrilStakeDistribution artifact, String certificateHash, Instant createdAt) {
        return new MithrilStakeDistributionMessage(
                artifact.epoch(),
                artifact.signersWithStake(),
                artifact.hash(),
                certificateHash,
                createdAt,
                artifact.protocolParameters());
    }

    /** The artifact entity (its hash as carried, not recomputed). */
    public MithrilStakeDistribution toArtifact() {
        return new MithrilStakeDistribution(epoch, signers, hash, protocolParameters);
    }

    /** The list item of this artifact. */
    public MithrilStakeDistributionListItemMessage toListItem() {
        return new MithrilStakeDistributionListItemMessage(epoch, hash, certificateHash, createdAt);
    }
}
