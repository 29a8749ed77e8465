package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The node's readiness from the outcomes of the chain observer's calls, reported by the observer's decorator. */
class CardanoNodeReadinessTest {

    static final String SOCKET = "/run/cardano/node.socket";
    static final String DOWN_TEXT = "cannot reach the Cardano node at " + SOCKET + ": no socket file at " + SOCKET;

    /** A node whose epoch answer or failure the test sets. */
    static final class StubNode implements ChainObserver {
        volatile RuntimeException failure;

        @Override
        public Optional<Epoch> currentEpoch() {
            if (failure != null) throw failure;
            return Optional.of(new Epoch(7));
        }

        @Override
        public Optional<String> currentEra() {
            return Optional.of("Conway");
        }

        @Override
        public Optional<ChainPoint> currentChainPoint() {
            return Optional.empty();
        }

        @Override
        public Map<String, Long> currentStakeDistribution() {
            return Map.of();
        }

        @Override
        public Optional<Long> currentKesPeriod() {
            return Optional.of(0L);
        }

        @Override
        public List<String> currentDatums(String address) {
            return List.of();
        }
    }

    final CardanoNodeReadiness readiness = new CardanoNodeReadiness("pallas", SOCKET);
    final StubNode node = new StubNode();
    final ChainObserver observer = new ReportingChainObserver(node, readiness);

    @Test
    void upBeforeAnyCallDownWithTheReasonWhileCallsFailUpWhenTheNodeAnswers() {
        HealthCheckResponse initial = readiness.call();
        assertThat(initial.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(initial.getData().orElseThrow()).containsEntry("last_call", "none yet");

        ChainObserverException down = new ChainObserverException(DOWN_TEXT);
        node.failure = down;
        assertThatThrownBy(observer::currentEpoch).isSameAs(down);
        HealthCheckResponse failed = readiness.call();
        assertThat(failed.getName()).isEqualTo("cardano node");
        assertThat(failed.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(failed.getData().orElseThrow())
                .containsEntry("error", DOWN_TEXT)
                .containsEntry("socket", SOCKET)
                .containsEntry("chain_observer", "pallas");

        // any answered call says the node is back, whichever query it was
        assertThat(observer.currentEra()).contains("Conway");
        HealthCheckResponse back = readiness.call();
        assertThat(back.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(back.getData().orElseThrow()).doesNotContainKey("error");
        node.failure = null;
        assertThat(observer.currentEpoch()).contains(new Epoch(7));
    }

    @Test
    void theLatestCallStartedWinsOverASlowerEarlierOne() {
        long slow = readiness.callStarted();
        long later = readiness.callStarted();
        readiness.answered(later);
        readiness.failed(slow, "no answer from " + SOCKET + " within PT30S");
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        long first = readiness.callStarted();
        long second = readiness.callStarted();
        readiness.failed(second, DOWN_TEXT);
        readiness.answered(first);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void theDevnetsSimulatedChainIsAlwaysReady() {
        CardanoNodeReadiness devnet = new CardanoNodeReadiness("fake", "");
        devnet.failed(devnet.callStarted(), "whatever");
        assertThat(devnet.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
