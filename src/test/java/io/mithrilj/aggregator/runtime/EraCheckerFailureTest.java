package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.cardano.era.EraMarker;
import io.mithrilj.aggregator.cardano.era.EraReader;
import io.mithrilj.aggregator.cardano.era.EraReaderCardanoChainAdapter;
import io.mithrilj.aggregator.cardano.era.EraReaderDummyAdapter;
import io.mithrilj.aggregator.cardano.observer.PallasChainObserver;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.Epoch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The era checker's update at an epoch change: a node that cannot be reached (the cardano-chain adapter reads the
 * markers from it) keeps the state and is retried; an era that is unknown or cannot be determined stops the runtime.
 */
class EraCheckerFailureTest {

    static final Epoch EPOCH = new Epoch(12);

    @TempDir
    Path dir;

    static RuntimeError failureOf(EraReader reader) {
        try {
            reader.readEraEpochToken(EPOCH).currentSupportedEra();
        } catch (RuntimeException e) {
            return ServicesRunner.eraCheckerFailure(EPOCH, e);
        }
        throw new AssertionError("the era reader did not fail");
    }

    @Test
    void anUnreachableNodeKeepsTheStateWithTheSocketNamed() {
        Path socket = dir.resolve("node.socket");
        EraReader reader = new EraReader(new EraReaderCardanoChainAdapter(
                "addr_test1vr80076l3x5uw6n94nwhgmv7ssgy6muzf47ugn6z0l92rhg2mgtu0",
                new PallasChainObserver(socket, new CardanoNetwork("devnet", 42), Duration.ofSeconds(1)),
                Ed25519SigningKey.deterministicTestKey().verificationKey()));
        assertThat(failureOf(reader))
                .isInstanceOf(RuntimeError.KeepState.class)
                .hasMessageStartingWith("cannot read the Mithril era at epoch 12: ")
                .hasMessageContaining("cannot reach the Cardano node at " + socket + ": no socket file at " + socket);
    }

    @Test
    void anUnsupportedOrUndeterminedEraIsCritical() {
        assertThat(failureOf(
                        new EraReader(new EraReaderDummyAdapter(List.of(new EraMarker("athena", OptionalLong.of(0)))))))
                .isInstanceOf(RuntimeError.Critical.class)
                .hasMessage("cannot read the Mithril era at epoch 12: Unsupported era 'athena'.");
        assertThat(failureOf(new EraReader(new EraReaderDummyAdapter(List.of()))))
                .isInstanceOf(RuntimeError.Critical.class)
                .hasMessageContaining("Cannot determine the Era we are currently at epoch 12");
    }
}
