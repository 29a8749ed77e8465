package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import java.util.Optional;

/**
 * Upstream {@code AggregatorRunnerTrait}: the steps the state machine takes, each delegating to one service. Steps
 * block (stores, chain observer); the state machine calls them from the runtime's worker thread only.
 */
public interface AggregatorRunner {

    /** The chain's time point (ticker). */
    TimePoint timePoint();

    /** A follower may leave IDLE only when its leader is at the same epoch; a leader always may. */
    boolean isFollowerAtSameEpochAsLeader(TimePoint timePoint);

    /** IDLE step a, at the transition to the epoch of {@code timePoint}. */
    void closeSignerRegistrationRound(TimePoint timePoint);

    /** Era checker ← era reader token for the epoch; failure or unsupported current era ⇒ {@link RuntimeError.Critical}. */
    void updateEraChecker(Epoch epoch);

    /** Saves the chain's stake distribution under epoch + 1 when nothing is stored there yet. */
    void updateStakeDistribution(TimePoint timePoint);

    /** Certifier, then epoch service, informed of the new epoch. */
    void informNewEpoch(Epoch epoch);

    /** Pruning of the stores (spec §7). */
    void upkeep(Epoch epoch);

    void openSignerRegistrationRound(TimePoint timePoint);

    /** Follower: mirror the leader's next signers. Leader: nothing. */
    void synchronizeFollowerSigners();

    /** Epoch service: current and next multi-signers. */
    void precomputeEpochData();

    /** Verifies the local certificate chain for the epoch; the failure, or empty when it is valid. */
    Optional<RuntimeException> checkCertificateChain(Epoch epoch);

    /**
     * Follower: synchronise the chain from the leader (forced when the local check failed) at our chain's {@code
     * epoch}. Leader: nothing.
     */
    void synchronizeCertificateChain(boolean force, Epoch epoch);

    /** READY: the open message to sign now, creating at most one (spec §2, §10.1); empty when nothing is to sign. */
    Optional<OpenMessage> currentNonCertifiedOpenMessage(TimePoint timePoint);

    /** SIGNING: the open message of this type expired, or its beacon moved at this time point. */
    boolean isOpenMessageOutdated(SignedEntityType signedEntityType, TimePoint timePoint);

    /**
     * Once the open message's quorum is reached: aggregate, then store the certificate, mark the open message
     * certified and store the artifact in one transaction (upstream builds the artifact afterwards, in a background
     * task whose failure leaves a certificate without artifact). Empty while signatures are missing.
     */
    Optional<Certificate> createCertificate(SignedEntityType signedEntityType);
}
