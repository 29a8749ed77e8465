package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.util.Optional;

/**
 * How this aggregator takes signer registrations (upstream's {@code SignerRegisterer} and {@code
 * SignerRegistrationRoundOpener}): a leader opens a round each epoch and verifies and records what signers send
 * ({@link RegistrationService}); a follower has no round and refuses every registration, recording its leader's
 * signers instead ({@link FollowerSignerRegistration}). The bean is the one of this aggregator's role ({@link
 * SignerRegistrationStrategy}).
 */
public interface SignerRegisterer {

    /** Outcome of an accepted registration. */
    enum SignerOutcome {
        /** First registration of this signer for the round's epoch. */
        REGISTERED,
        /** The signer had registered for this epoch already: its keys and stake were replaced. */
        ALREADY_REGISTERED
    }

    /**
     * {@code POST /register-signer}, once the payload decoded.
     *
     * @throws SignerRegistrationException the answer upstream gives (round not open, another epoch, refused by the
     *     verifier, closed on a follower)
     */
    SignerOutcome registerSigner(long epoch, SignerRegistration registration);

    /** IDLE step f: signers may register for {@code epoch} (the current one + 1), checked against these stakes. */
    void openRound(Epoch epoch, StakeDistribution stakeDistribution);

    /** IDLE step a. */
    void closeRound();

    /** The open round, if any (never on a follower). */
    Optional<SignerRegistrationRound> currentRound();
}
