package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code MithrilSignerRegistrationLeader} without its stores: the round the runtime opens (IDLE
 * step f) and closes (IDLE step a), and the checks of a registration against it, in upstream's order —
 * round open, epoch of the round, then {@link SignerRegistrationVerifier}. Recording the signer and its
 * keys is the caller's job. Thread-safe: requests read the round the runtime replaces.
 */
public final class SignerRegistrationLeader {
    private final SignerRegistrationVerifier verifier;
    private volatile SignerRegistrationRound round;

    public SignerRegistrationLeader(SignerRegistrationVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** Opens (or replaces) the round of {@code registrationEpoch} with its stake distribution. */
    public void openRound(Epoch registrationEpoch, StakeDistribution stakeDistribution) {
        round = new SignerRegistrationRound(registrationEpoch, stakeDistribution);
    }

    public void closeRound() {
        round = null;
    }

    public Optional<SignerRegistrationRound> currentRound() {
        return Optional.ofNullable(round);
    }

    /**
     * Checks a registration for {@code epoch} against the open round.
     *
     * @param currentKesPeriod the chain observer's current KES period, empty when it has none
     * @return the verified signer with its stake in the round's distribution
     * @throws RegistrationRoundNotOpenedException when no round is open
     * @throws RegistrationRoundEpochMismatchException when {@code epoch} is not the round's
     * @throws SignerRegistrationRefusedException when the verifier refuses it
     */
    public SignerWithStake register(Epoch epoch, SignerRegistration signer, OptionalLong currentKesPeriod) {
        SignerRegistrationRound open = round;
        if (open == null) {
            throw new RegistrationRoundNotOpenedException();
        }
        if (!open.epoch().equals(epoch)) {
            throw new RegistrationRoundEpochMismatchException(open.epoch(), epoch);
        }
        return verifier.verify(signer, open.stakeDistribution(), currentKesPeriod);
    }
}
