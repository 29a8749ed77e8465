package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.cardano.immutable.ImmutableDigesterException;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.signable.CardanoDatabaseSignable;
import io.mithrilj.aggregator.protocol.signable.CardanoImmutableFilesFullSignable;
import io.mithrilj.aggregator.protocol.signable.CardanoStakeDistributionSignable;
import io.mithrilj.aggregator.protocol.signable.MithrilStakeDistributionSignable;
import io.mithrilj.aggregator.protocol.signable.SignableException;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Upstream {@code MithrilSignableBuilderService} with the aggregator's seed builder: the protocol message of a signed
 * entity type at the informed epoch — its specific parts (artifacts.md §2–§3) and the seed parts (next AVK, next
 * protocol parameters hash, current epoch).
 */
@ApplicationScoped
public class SignableBuilderService {
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final EpochService epochService;
    private final StakePoolRepository stakePools;
    private final ImmutableDigestService digests;
    private final String network;

    SignableBuilderService(
            EpochService epochService,
            StakePoolRepository stakePools,
            ImmutableDigestService digests,
            ApiSettings settings) {
        this.epochService = epochService;
        this.stakePools = stakePools;
        this.digests = digests;
        this.network = settings.network();
    }

    /** Whether this build can compute the protocol message of this kind of signed entity. */
    public static boolean supports(SignedEntityType type) {
        return switch (type) {
            case SignedEntityType.MithrilStakeDistribution msd -> true;
            case SignedEntityType.CardanoStakeDistribution csd -> true;
            case SignedEntityType.CardanoImmutableFilesFull ciff -> true;
            case SignedEntityType.CardanoDatabase cdb -> true;
            default -> false;
        };
    }

    /** @throws SignableException when a part cannot be computed (no stake distribution stored, no signer…) */
    public ProtocolMessage computeProtocolMessage(SignedEntityType type) {
        EpochService.EpochData data = epochService.data();
        SignableSeed seed = new SignableSeed(
                epochService.multiSigners().next().aggregateVerificationKeyJsonHex(),
                data.nextProtocolParameters().computeHash(),
                data.epoch());
        return switch (type) {
            case SignedEntityType.MithrilStakeDistribution msd ->
                MithrilStakeDistributionSignable.computeSeededProtocolMessage(msd.epoch(), seed);
            case SignedEntityType.CardanoStakeDistribution csd ->
                CardanoStakeDistributionSignable.computeSeededProtocolMessage(
                        csd.epoch(),
                        stakeDistribution(CardanoStakeDistributionSignable.snapshotEpoch(csd.epoch())),
                        seed);
            case SignedEntityType.CardanoImmutableFilesFull ciff ->
                CardanoImmutableFilesFullSignable.computeSeededProtocolMessage(
                        network, ciff.beacon(), fileDigests(ciff.beacon()), seed);
            case SignedEntityType.CardanoDatabase cdb ->
                CardanoDatabaseSignable.computeSeededProtocolMessage(cdb.beacon(), fileDigests(cdb.beacon()), seed);
            default ->
                throw new SignableException(
                        "signed entity type " + type.variantName() + " is not supported by this build yet");
        };
    }

    /**
     * The digests of the immutable files of a Cardano database beacon.
     *
     * @throws SignableException naming the file or directory when they can not be computed
     */
    private List<String> fileDigests(CardanoDbBeacon beacon) {
        try {
            return digests.digests(beacon.immutableFileNumber()).digests();
        } catch (ImmutableDigesterException e) {
            throw new SignableException(
                    "can not compute the immutable file digests up to " + beacon.immutableFileNumber() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The stake distribution recorded under an epoch; a {@link SignableException} naming it when none is. */
    public StakeDistribution stakeDistribution(Epoch epoch) {
        return StakeDistribution.of(stakePools
                .distribution(epoch.value())
                .await()
                .atMost(STORE_TIMEOUT)
                .orElseThrow(() -> new SignableException("No stake distribution stored for epoch " + epoch)));
    }
}
