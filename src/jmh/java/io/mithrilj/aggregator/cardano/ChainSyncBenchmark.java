package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.chainsync.ChainBlockNextAction;
import io.mithrilj.aggregator.cardano.chainsync.ChainReader;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chain-sync over a Unix socket plus block decoding, end to end: the 406 fixture blocks (every era, 427
 * transactions... see docs) replayed 250 times = 101,500 blocks per invocation. Score = blocks/s; the
 * transactions counter gives transactions/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class ChainSyncBenchmark {

    static final int TIMES = 250;
    static final int BLOCKS = 406 * TIMES;

    ReplayServer server;
    Path dir;

    @Setup
    public void start() throws Exception {
        List<byte[]> blocks = NodeFixtures.blocks();
        if (blocks.size() != 406) throw new IllegalStateException("expected 406 fixture blocks, got " + blocks.size());
        dir = Files.createTempDirectory("csb");
        server = new ReplayServer(dir.resolve("node.socket"), blocks, TIMES);
    }

    @TearDown
    public void stop() throws Exception {
        server.close();
        Files.deleteIfExists(dir);
    }

    /** Transactions seen, reported per second next to the block score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long transactions;

        @Setup(Level.Iteration)
        public void reset() {
            transactions = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public long chainSyncAndDecode(Counters counters) {
        long blocks = 0;
        try (ChainReader reader = new ChainReader(server.socket(), new CardanoNetwork("devnet", 42), Duration.ofSeconds(30))) {
            reader.setChainPoint(Point.ORIGIN);
            for (Optional<ChainBlockNextAction> a = reader.nextAction(); a.isPresent(); a = reader.nextAction()) {
                if (a.get() instanceof ChainBlockNextAction.RollForward f) {
                    blocks++;
                    counters.transactions += f.block().transactionHashes().size();
                }
            }
        }
        if (blocks != BLOCKS) throw new IllegalStateException("streamed " + blocks + " blocks, expected " + BLOCKS);
        return blocks;
    }
}
