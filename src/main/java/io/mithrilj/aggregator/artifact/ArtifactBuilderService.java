package io.mithrilj.aggregator.artifact;

import io.mithrilj.aggregator.certifier.SignableBuilderService;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.persistence.ArtifactFields;
import io.mithrilj.aggregator.persistence.ArtifactPart;
import io.mithrilj.aggregator.persistence.SignedEntityRepository;
import io.mithrilj.aggregator.protocol.CardanoStakeDistribution;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.MithrilStakeDistribution;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.CardanoStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import io.mithrilj.aggregator.protocol.signable.CardanoStakeDistributionSignable;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Upstream's artifact builders ({@code artifact_builder/*}) for the stake distributions: the artifact of a certified
 * signed entity as the detail message the API serves, ready to be stored with its certificate (artifacts.md §2–§3).
 */
@ApplicationScoped
public class ArtifactBuilderService {
    private static final Logger LOG = Logger.getLogger(ArtifactBuilderService.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    private final EpochService epochService;
    private final SignableBuilderService signables;
    private final SignedEntityRepository signedEntities;
    private final CardanoDbArtifactBuilder cardanoDb;
    /** Ids of the parts this process knows are stored. */
    private final Set<String> storedParts = ConcurrentHashMap.newKeySet();

    private volatile PreparedMithril prepared;

    ArtifactBuilderService(
            EpochService epochService,
            SignableBuilderService signables,
            SignedEntityRepository signedEntities,
            CardanoDbArtifactBuilder cardanoDb) {
        this.cardanoDb = cardanoDb;
        this.epochService = epochService;
        this.signables = signables;
        this.signedEntities = signedEntities;
    }

    /**
     * Whether the artifact of this type is built after its certificate is stored, in the background (upstream builds
     * every artifact so; here only the Cardano database ones, whose archives and uploads take minutes on mainnet: the
     * stake distributions are stored with their certificate, in its transaction).
     */
    public static boolean isDeferred(SignedEntityType type) {
        return type instanceof SignedEntityType.CardanoImmutableFilesFull
                || type instanceof SignedEntityType.CardanoDatabase;
    }

    /**
     * The stored form of the artifact of {@code certificate}.
     *
     * @throws ArtifactBuildException naming the signed entity when its inputs are missing
     */
    public ArtifactFields build(SignedEntityType type, Certificate certificate, Instant createdAt) {
        return switch (type) {
            case SignedEntityType.MithrilStakeDistribution msd -> {
                MithrilStakeDistribution artifact = mithrilStakeDistribution(msd.epoch());
                MithrilStakeDistributionMessage message =
                        MithrilStakeDistributionMessage.of(artifact, certificate.hash(), createdAt);
                // the signers (mainnet: ~9 MB of JSON) are stored apart, normally before the quorum (stage)
                ArtifactPart part =
                        storedParts.contains(artifact.hash()) || await(signedEntities.hasPart(artifact.hash()))
                                ? new ArtifactPart(artifact.hash(), msd.epoch().value(), null)
                                : signersPart(artifact);
                yield new ArtifactFields(
                        SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION,
                        artifact.hash(),
                        certificate.hash(),
                        type.beaconJson(),
                        msd.epoch().value(),
                        Rfc3339.format(createdAt),
                        StakeDistributionJson.writeMithril(message, ArtifactPart.MARKER),
                        StakeDistributionJson.write(message.toListItem()),
                        part);
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
            case SignedEntityType.CardanoImmutableFilesFull ciff ->
                cardanoDb.immutableFilesFull(ciff.beacon(), certificate, createdAt);
            case SignedEntityType.CardanoDatabase cdb ->
                cardanoDb.cardanoDatabase(cdb.beacon(), certificate, createdAt);
            default ->
                throw new ArtifactBuildException(
                        "no artifact builder for " + type.variantName() + " in this build yet");
        };
    }

    /**
     * Stores ahead the large parts of the artifacts the epoch's open messages will get: the signers of its
     * MithrilStakeDistribution, when that type is signed. Run by the epoch transition, before the open messages exist
     * (and before the burst of signatures they draw); a failure only means the certificate's transaction writes the
     * part itself.
     */
    public void storeAhead(Epoch epoch, Collection<SignedEntityTypeDiscriminant> signedTypes) {
        if (!signedTypes.contains(SignedEntityTypeDiscriminant.MITHRIL_STAKE_DISTRIBUTION)) return;
        try {
            MithrilStakeDistribution artifact = mithrilStakeDistribution(epoch);
            if (storedParts.contains(artifact.hash())) return;
            if (await(signedEntities.hasPart(artifact.hash()))) { // e.g. stored before a restart
                storedParts.add(artifact.hash());
                return;
            }
            long start = System.nanoTime();
            ArtifactPart part = signersPart(artifact);
            await(signedEntities.savePart(part));
            storedParts.add(artifact.hash());
            LOG.debugf(
                    "signers of the MithrilStakeDistribution of epoch %s stored ahead (%d signers, %d characters) in"
                            + " %.1f ms",
                    epoch,
                    artifact.signersWithStake().size(),
                    part.content().length(),
                    (System.nanoTime() - start) / 1e6);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not store ahead the signers of the MithrilStakeDistribution of epoch %s (its certificate"
                            + " will): %s",
                    epoch, e.getMessage());
        }
    }

    /** The artifact of the epoch's next signers and parameters, computed once per epoch data. */
    private MithrilStakeDistribution mithrilStakeDistribution(Epoch epoch) {
        EpochService.EpochData data = epochService.data();
        PreparedMithril p = prepared;
        if (p != null
                && p.epoch().equals(epoch)
                && p.signers() == data.nextSigners()
                && p.parameters().equals(data.nextProtocolParameters())) {
            return p.artifact();
        }
        MithrilStakeDistribution artifact =
                MithrilStakeDistribution.of(epoch, data.nextSigners(), data.nextProtocolParameters());
        prepared = new PreparedMithril(epoch, data.nextSigners(), data.nextProtocolParameters(), artifact);
        return artifact;
    }

    private static ArtifactPart signersPart(MithrilStakeDistribution artifact) {
        return new ArtifactPart(
                artifact.hash(),
                artifact.epoch().value(),
                StakeDistributionJson.writeSigners(artifact.signersWithStake(), true));
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(STORE_TIMEOUT);
    }

    private record PreparedMithril(
            Epoch epoch,
            List<SignerWithStake> signers,
            ProtocolParameters parameters,
            MithrilStakeDistribution artifact) {}

    /** An artifact that cannot be built. */
    public static final class ArtifactBuildException extends RuntimeException {
        public ArtifactBuildException(String message) {
            super(message);
        }
    }
}
