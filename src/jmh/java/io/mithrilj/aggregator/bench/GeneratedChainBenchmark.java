package io.mithrilj.aggregator.bench;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification throughput on a generated 1,000-certificate chain with mainnet parameters
 * (k=2422, m=20973, phi_f=0.2), real STM multi-signatures, in certificates per second. The chain is
 * generated once and cached in {@code target/bench/}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GeneratedChainBenchmark {
    public static final int CERTIFICATES = 1000;

    @Param({"20"})
    public int signers;

    @Param({"50"})
    public int perEpoch;

    GeneratedChain chain;
    CertificateChainVerifier verifier;

    @Setup
    public void setup() throws Exception {
        chain = GeneratedChain.loadOrGenerate(CERTIFICATES, perEpoch, signers);
        verifier = Benchmarks.verifier(chain.certificates, chain.genesisVerificationKey);
    }

    /** The whole walk from the latest certificate to the genesis: 1,000 certificates. */
    @Benchmark
    @OperationsPerInvocation(CERTIFICATES)
    public Object walk1000ToGenesis() throws Exception {
        var result = verifier.verifyChain(chain.latest());
        if (result.verified().size() != CERTIFICATES) {
            throw new IllegalStateException("walk of " + result.verified().size());
        }
        return result;
    }
}
