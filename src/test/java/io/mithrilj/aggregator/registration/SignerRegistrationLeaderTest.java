package io.mithrilj.aggregator.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.crypto.stm.StmSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The round checks come before the verifier, with upstream's texts. */
class SignerRegistrationLeaderTest {
    private final SignerRegistrationLeader leader = new SignerRegistrationLeader(new SignerRegistrationVerifier());
    private final SignerRegistrationVerifierTest.Payload payload = SignerRegistrationVerifierTest.syntheticRegistration(
            StmVerificationKeyPoP.of(StmSigningKey.fromSeed(SignerRegistrationVerifierTest.filled((byte) 21))),
            (byte) 22);
    private final StakeDistribution distribution = StakeDistribution.of(Map.of(payload.partyId(), 1_000L));

    @Test
    void noRoundNoRegistration() {
        assertThat(leader.currentRound()).isEmpty();
        assertThatThrownBy(() -> leader.register(new Epoch(5), payload.decode(), OptionalLong.of(105)))
                .isInstanceOf(RegistrationRoundNotOpenedException.class)
                .hasMessage("a signer registration round is not opened yet, please try again later");
    }

    @Test
    void aRegistrationForAnotherEpochIsRefusedBeforeAnyCheck() {
        leader.openRound(new Epoch(5), StakeDistribution.empty());
        assertThatThrownBy(() -> leader.register(new Epoch(4), payload.decode(), OptionalLong.of(105)))
                .isInstanceOf(RegistrationRoundEpochMismatchException.class)
                .hasMessage("unexpected signer registration round epoch: current_round_epoch: 5, received_epoch: 4");
    }

    @Test
    void theOpenRoundsDistributionGivesTheStake() {
        leader.openRound(new Epoch(5), distribution);
        assertThat(leader.register(new Epoch(5), payload.decode(), OptionalLong.of(105))
                        .stake())
                .isEqualTo(1_000L);

        leader.openRound(new Epoch(6), StakeDistribution.empty()); // the next epoch's round replaces it
        assertThatThrownBy(() -> leader.register(new Epoch(6), payload.decode(), OptionalLong.of(105)))
                .isInstanceOfSatisfying(
                        SignerRegistrationRefusedException.class,
                        e -> assertThat(e.reason())
                                .isEqualTo(SignerRegistrationRefusedException.Reason.PARTY_ID_NON_EXISTING));

        leader.closeRound();
        assertThatThrownBy(() -> leader.register(new Epoch(6), payload.decode(), OptionalLong.of(105)))
                .isInstanceOf(RegistrationRoundNotOpenedException.class);
    }
}
