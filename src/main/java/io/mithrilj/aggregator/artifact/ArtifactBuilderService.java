package io.mithrilj.aggregator.artifact;

import io.mithrilj.aggregator.certifier.SignableBuilderService;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.persistence.ArtifactFields;
import io.mithrilj.aggregator.protocol.CardanoStakeDistribution;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.MithrilStakeDistribution;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.CardanoStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import io.mithrilj.aggregator.protocol.signable.CardanoStakeDistributionSignable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Upstream's artifact builders ({@code artifact_builder/*}) for the stake distributions: the artifact of a certified
 * signed entity as the detail message the API serves, ready to be stored with its certificate (artifacts.md §2–§3).
 */
@ApplicationScoped
public class ArtifactBuilderService {
    private final EpochService epochService;
    private final SignableBuilderService signables;

    ArtifactBuilderService(EpochService epochService, SignableBuilderService signables) {
        this.epochService = epochService;
        this.signables = signables;
    }

    /**
     * The stored form of the artifact of {@code certificate}.
     *
     * @throws ArtifactBuildException naming the signed entity when its inputs are missing
     */
    public ArtifactFields build(SignedEntityType type, Certificate certificate, Instant createdAt) {
        return switch (type) {
            case SignedEntityType.MithrilStakeDistribution msd -> {
                EpochService.EpochData data = epochService.data();
                MithrilStakeDistribution artifact =
                        MithrilStakeDistribution.of(msd.epoch(), data.nextSigners(), data.nextProtocolParameters());
                MithrilStakeDistributionMessage message =
                        MithrilStakeDistributionMessage.of(artifact, certificate.hash(), createdAt);
                // written once, not parsed back: mainnet's is ~9 MB of JSON (3000 signers' keys)
                yield new ArtifactFields(
                        SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION,
                        artifact.hash(),
                        certificate.hash(),
                        type.beaconJson(),
                        msd.epoch().value(),
                        Rfc3339.format(createdAt),
                        StakeDistributionJson.write(message),
                        StakeDistributionJson.write(message.toListItem()));
            }
            case SignedEntityType.CardanoStakeDistribution csd -> {
                Epoch snapshot = CardanoStakeDistributionSignable.snapshotEpoch(csd.epoch());
                StakeDistribution distribution = signables.stakeDistribution(snapshot);
                CardanoStakeDistribution artifact = CardanoStakeDistribution.of(csd.epoch(), distribution);
                CardanoStakeDistributionMessage message =
                        CardanoStakeDistributionMessage.of(artifact, certificate.hash(), createdAt);
                yield new ArtifactFields(
                        SignedEntityKind.CARDANO_STAKE_DISTRIBUTION,
                        artifact.hash(),
                        certificate.hash(),
                        type.beaconJson(),
                        csd.epoch().value(),
                        Rfc3339.format(createdAt),
                        StakeDistributionJson.write(message),
                        StakeDistributionJson.write(message.toListItem()));
            }
            default ->
                throw new ArtifactBuildException(
                        "no artifact builder for " + type.variantName() + " in this build yet");
        };
    }

    /** An artifact that cannot be built. */
    public static final class ArtifactBuildException extends RuntimeException {
        public ArtifactBuildException(String message) {
            super(message);
        }
    }
}
