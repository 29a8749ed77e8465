package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.block.BlockDecoder;
import io.mithrilj.aggregator.cardano.block.ScannedBlock;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import java.util.ArrayList;
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
import org.bouncycastle.crypto.digests.Blake2bDigest;
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

    /** The exact spans the decoder hashes (headers and transaction bodies), for the hashing-only floor. */
    List<CborSpan> hashed;

    final Blake2bDigest digest = new Blake2bDigest(256);
    final byte[] out = new byte[32];

    @Setup
    public void load() throws Exception {
        blocks = NodeFixtures.blocks();
        hashed = new ArrayList<>();
        for (byte[] b : blocks) {
            CborReader r = new CborReader(b);
            r.readArrayHeader();
            long era = r.readUnsigned();
            r.readArrayHeader();
            hashed.add(r.readRaw()); // the header
            if (era == 1) {
                r.readArrayHeader();
                int n = r.readArrayHeader();
                for (int i = 0; r.hasNext(n, i); i++) {
                    r.readArrayHeader();
                    hashed.add(r.readRaw());
                    r.skip();
                }
            } else if (era >= 2) {
                int n = r.readArrayHeader();
                for (int i = 0; r.hasNext(n, i); i++) hashed.add(r.readRaw());
            }
        }
    }

    /** Blake2b-256 of the headers and transaction bodies alone: the part of decoding no decoder can skip. */
    @Benchmark
    @OperationsPerInvocation(406)
    public void hashOnly(Blackhole bh) {
        for (CborSpan s : hashed) {
            digest.update(s.source(), s.start(), s.length());
            digest.doFinal(out, 0);
            bh.consume(out[0]);
        }
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
