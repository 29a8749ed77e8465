package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.block.BlockDecoder;
import io.mithrilj.aggregator.cardano.block.ScannedBlock;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The block decoder against its floor on the same bytes: a CBOR skip-scan visiting every item of every block
 * without building anything. Both in blocks/s over the 406 fixture blocks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class BlockDecodingBenchmark {

    List<byte[]> blocks;
    final BlockDecoder decoder = new BlockDecoder();

    @Setup
    public void load() throws Exception {
        blocks = NodeFixtures.blocks();
    }

    @Benchmark
    @OperationsPerInvocation(406)
    public void decode(Blackhole bh) {
        for (byte[] b : blocks) {
            ScannedBlock s = decoder.decode(b);
            bh.consume(s);
        }
    }

    @Benchmark
    @OperationsPerInvocation(406)
    public void skipScan(Blackhole bh) {
        for (byte[] b : blocks) {
            CborReader r = new CborReader(b);
            r.skip();
            bh.consume(r.position());
        }
    }
}
