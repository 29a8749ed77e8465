package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The state machine's transitions, step order and error triad (spec aggregator-runtime.md §2) on a fake runner. */
class AggregatorStateMachineTest {

    /** A runner that records the steps it is asked for and answers what the test sets. */
    static final class FakeRunner implements AggregatorRunner {
        final List<String> calls = new ArrayList<>();
        TimePoint timePoint = at(5);
        boolean leaderAtSameEpoch = true;
        RuntimeException chainFailure;
        RuntimeException eraFailure;
        RuntimeException stakeFailure;
        Optional<OpenMessage> openMessage = Optional.empty();
        boolean outdated;
        Optional<Certificate> certificate = Optional.empty();

        @Override
        public TimePoint timePoint() {
            calls.add("timePoint");
            return timePoint;
        }

        @Override
        public boolean isFollowerAtSameEpochAsLeader(TimePoint timePoint) {
            calls.add("leaderGate");
            return leaderAtSameEpoch;
        }

        @Override
        public void closeSignerRegistrationRound(TimePoint timePoint) {
            calls.add("closeRound");
        }

        @Override
        public void updateEraChecker(Epoch epoch) {
            calls.add("era " + epoch);
            if (eraFailure != null) throw new RuntimeError.Critical("era", eraFailure);
        }

        @Override
        public void updateStakeDistribution(TimePoint timePoint) {
            calls.add("stakes");
            if (stakeFailure != null) throw stakeFailure;
        }

        @Override
        public void informNewEpoch(Epoch epoch) {
            calls.add("inform " + epoch);
        }

        @Override
        public void upkeep(Epoch epoch) {
            calls.add("upkeep");
        }

        @Override
        public void openSignerRegistrationRound(TimePoint timePoint) {
            calls.add("openRound");
        }

        @Override
        public void synchronizeFollowerSigners() {
            calls.add("syncSigners");
        }

        @Override
        public void precomputeEpochData() {
            calls.add("precompute");
        }

        @Override
        public Optional<RuntimeException> checkCertificateChain(Epoch epoch) {
            calls.add("checkChain");
            return Optional.ofNullable(chainFailure);
        }

        @Override
        public void synchronizeCertificateChain(boolean force, Epoch epoch) {
            calls.add("syncChain force=" + force);
        }

        @Override
        public Optional<OpenMessage> currentNonCertifiedOpenMessage(TimePoint timePoint) {
            calls.add("openMessage");
            return openMessage;
        }

        @Override
        public boolean isOpenMessageOutdated(SignedEntityType signedEntityType, TimePoint timePoint) {
            calls.add("outdated");
            return outdated;
        }

        @Override
        public Optional<Certificate> createCertificate(SignedEntityType signedEntityType) {
            calls.add("certificate");
            return certificate;
        }
    }

    static TimePoint at(long epoch) {
        return new TimePoint(new Epoch(epoch), epoch * 3, new ChainPoint(epoch * 100, epoch * 10, "aa".repeat(32)));
    }

    static OpenMessage openMessage(long epoch) {
        return new OpenMessage(
                UUID.randomUUID(),
                new Epoch(epoch),
                new SignedEntityType.MithrilStakeDistribution(new Epoch(epoch)),
                ProtocolMessage.empty(),
                false,
                false,
                Instant.now(),
                Optional.empty());
    }

    /** Any real certificate: the state machine only passes it on. */
    static Certificate aCertificate() {
        var all = CertificateJson.parse(UpstreamReference.text("aggregator-fake-data/certificates.json"));
        return CertificateJson.readCertificate(all.elements().next().toString());
    }

    private final FakeRunner runner = new FakeRunner();
    private final List<Certificate> produced = new ArrayList<>();
    private final AggregatorStateMachine machine = new AggregatorStateMachine(runner, produced::add);

    @Test
    void firstCycleRunsTheEpochTransitionInUpstreamOrderThenIsReady() {
        machine.cycle();
        assertThat(runner.calls)
                .containsExactly(
                        "timePoint",
                        "leaderGate",
                        "closeRound",
                        "era 5",
                        "stakes",
                        "inform 5",
                        "upkeep",
                        "openRound",
                        "syncSigners",
                        "precompute",
                        "checkChain",
                        "syncChain force=false");
        assertThat(machine.state()).isEqualTo(new AggregatorState.Ready(at(5)));
    }

    @Test
    void invalidChainKeepsIdleAndTheNextCycleRunsTheWholeTransitionAgain() {
        runner.chainFailure = new IllegalStateException("Could not find last certificate");
        assertThatThrownBy(machine::cycle)
                .isInstanceOf(RuntimeError.KeepState.class)
                .hasMessageContaining(AggregatorStateMachine.CHAIN_INVALID)
                .hasMessageContaining("Could not find last certificate");
        assertThat(runner.calls).contains("syncChain force=true");
        assertThat(machine.state()).isEqualTo(new AggregatorState.Idle(Optional.empty()));
        runner.calls.clear();
        runner.chainFailure = null;
        machine.cycle();
        assertThat(runner.calls).contains("closeRound", "inform 5", "precompute");
        assertThat(machine.state()).isInstanceOf(AggregatorState.Ready.class);
    }

    @Test
    void aFailingStepKeepsTheStateAndSaysWhy() {
        runner.stakeFailure = new IllegalStateException("the chain observer returned no stake distribution");
        assertThatThrownBy(machine::cycle)
                .isInstanceOf(RuntimeError.KeepState.class)
                .hasMessage("the chain observer returned no stake distribution");
        assertThat(machine.state()).isEqualTo(new AggregatorState.Idle(Optional.empty()));
        assertThat(runner.calls).doesNotContain("inform 5");
    }

    @Test
    void anEraFailureIsCritical() {
        runner.eraFailure = new IllegalStateException("Unsupported era 'x'.");
        assertThatThrownBy(machine::cycle).isInstanceOf(RuntimeError.Critical.class);
        assertThat(machine.state()).isInstanceOf(AggregatorState.Idle.class);
    }

    @Test
    void aFollowerBehindItsLeaderStaysIdleWithoutError() {
        runner.leaderAtSameEpoch = false;
        machine.cycle();
        assertThat(runner.calls).containsExactly("timePoint", "leaderGate");
        assertThat(machine.state()).isEqualTo(new AggregatorState.Idle(Optional.empty()));
    }

    @Test
    void readyOpensAMessageThenSigningCertifiesIt() {
        machine.cycle(); // READY at 5
        runner.openMessage = Optional.of(openMessage(5));
        machine.cycle();
        assertThat(machine.state()).isInstanceOf(AggregatorState.Signing.class);

        runner.calls.clear();
        assertThatThrownBy(machine::cycle)
                .isInstanceOf(RuntimeError.KeepState.class)
                .hasMessage(AggregatorStateMachine.NOT_ENOUGH_SIGNATURES);
        assertThat(runner.calls).containsExactly("timePoint", "outdated", "certificate");
        assertThat(machine.state()).isInstanceOf(AggregatorState.Signing.class);

        Certificate certificate = aCertificate();
        runner.certificate = Optional.of(certificate);
        machine.cycle();
        assertThat(produced).containsExactly(certificate);
        assertThat(machine.state()).isEqualTo(new AggregatorState.Ready(at(5)));
    }

    @Test
    void anOutdatedOpenMessageGoesBackToReadyAndANewEpochToIdle() {
        machine.cycle();
        runner.openMessage = Optional.of(openMessage(5));
        machine.cycle();
        runner.outdated = true;
        machine.cycle();
        assertThat(machine.state()).isEqualTo(new AggregatorState.Ready(at(5)));

        runner.outdated = false;
        machine.cycle(); // SIGNING again
        runner.timePoint = at(6);
        machine.cycle();
        assertThat(machine.state()).isEqualTo(new AggregatorState.Idle(Optional.of(at(5))));

        runner.calls.clear();
        runner.openMessage = Optional.empty();
        machine.cycle(); // the transition to epoch 6
        assertThat(runner.calls).contains("inform 6");
        assertThat(machine.state()).isEqualTo(new AggregatorState.Ready(at(6)));
    }

    @Test
    void readySeesTheNewEpochAndIdleAtTheSameEpochOnlyChecksTheChain() {
        machine.cycle();
        runner.timePoint = at(6);
        machine.cycle();
        assertThat(machine.state()).isEqualTo(new AggregatorState.Idle(Optional.of(at(5))));
        runner.chainFailure = new IllegalStateException("gap");
        assertThatThrownBy(machine::cycle).isInstanceOf(RuntimeError.KeepState.class);
        runner.calls.clear();
        runner.chainFailure = null;
        // still IDLE(prev = 5) at epoch 6: the transition steps run again
        machine.cycle();
        assertThat(runner.calls).contains("inform 6");
    }
}
