package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.lsq.LocalStateQueryClient;
import io.mithrilj.aggregator.cardano.observer.PallasChainObserver;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A GetStakeSnapshots result of 3,000 pools (about mainnet's count): decoding it and deriving the bech32 stake
 * distribution. Run with {@code -prof gc} for the allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class StakeDistributionBenchmark {

    static final int POOLS = 3000;

    CborSpan result;

    @Setup
    public void build() {
        Random random = new Random(21);
        CborWriter w = new CborWriter().array(1).array(4).map(POOLS);
        for (int i = 0; i < POOLS; i++) {
            byte[] pool = new byte[28];
            random.nextBytes(pool);
            long mark = i % 10 == 0 ? 0 : Math.abs(random.nextLong() % 80_000_000_000_000L);
            w.bytes(pool).array(3).unsigned(mark).unsigned(mark + 1).unsigned(mark + 2);
        }
        w.unsigned(1).unsigned(2).unsigned(3);
        byte[] bytes = w.toByteArray();
        result = new CborSpan(bytes, 0, bytes.length);
    }

    @Benchmark
    public Map<String, Long> decodeResult() {
        return LocalStateQueryClient.decodeStakeSnapshotMark(result);
    }

    @Benchmark
    public Map<String, Long> decodeAndBech32() {
        return PallasChainObserver.stakeDistribution(LocalStateQueryClient.decodeStakeSnapshotMark(result));
    }
}
