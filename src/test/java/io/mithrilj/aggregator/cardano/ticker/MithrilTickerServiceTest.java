package io.mithrilj.aggregator.cardano.ticker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.NodeDouble;
import io.mithrilj.aggregator.cardano.immutable.ImmutableFileSystemObserver;
import io.mithrilj.aggregator.cardano.observer.PallasChainObserver;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time point from the node double's answers and the immutable fixture, and the node-down line. */
class MithrilTickerServiceTest {

    @TempDir
    Path dir;

    Path database() throws IOException {
        Path immutable = Files.createDirectories(dir.resolve("db/immutable"));
        try (Stream<Path> files = Files.list(UpstreamReference.cardanoTestData("immutable"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, immutable.resolve(f.getFileName()));
        }
        return dir.resolve("db");
    }

    @Test
    void timePointFromTheNodeAndTheDatabase() throws IOException {
        Path db = database();
        try (NodeDouble node = NodeDouble.start(dir, 42)
                .answer("820082028101", "820406")
                .answer("8200820082068101", "82048108")
                .answer("8103", "8204821a032674ad43010203")
                .answer("8102", "820482011a032674ad")) {
            var ticker = new MithrilTickerService(
                    new PallasChainObserver(node.socket(), new CardanoNetwork("devnet", 42), Duration.ofSeconds(5)),
                    new ImmutableFileSystemObserver(db));
            assertThat(ticker.currentTimePoint())
                    .isEqualTo(new TimePoint(new Epoch(8), 2, new ChainPoint(52851885, 52851885, "010203")));
        }
        var down = new MithrilTickerService(
                new PallasChainObserver(
                        dir.resolve("node.socket"), new CardanoNetwork("devnet", 42), Duration.ofSeconds(1)),
                new ImmutableFileSystemObserver(db));
        assertThatThrownBy(down::currentEpoch)
                .isInstanceOf(ChainObserverException.class)
                .hasMessageStartingWith(
                        "TimePoint Provider can not get current epoch: cannot reach the Cardano node at "
                                + dir.resolve("node.socket"));
    }
}
