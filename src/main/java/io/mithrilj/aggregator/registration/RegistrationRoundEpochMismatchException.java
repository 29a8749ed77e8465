package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.protocol.Epoch;

/**
 * The registration is for another epoch than the open round's (upstream {@code
 * RegistrationRoundUnexpectedEpoch}, answered 500 with this text).
 */
public final class RegistrationRoundEpochMismatchException extends SignerRegistrationException {
    private static final long serialVersionUID = 1L;

    private final Epoch roundEpoch;
    private final Epoch receivedEpoch;

    public RegistrationRoundEpochMismatchException(Epoch roundEpoch, Epoch receivedEpoch) {
        super(
                "unexpected signer registration round epoch: current_round_epoch: " + roundEpoch + ", received_epoch: "
                        + receivedEpoch,
                null);
        this.roundEpoch = roundEpoch;
        this.receivedEpoch = receivedEpoch;
    }

    public Epoch roundEpoch() {
        return roundEpoch;
    }

    public Epoch receivedEpoch() {
        return receivedEpoch;
    }
}
