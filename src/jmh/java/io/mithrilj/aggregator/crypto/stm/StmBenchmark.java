package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import io.mithrilj.aggregator.crypto.stm.bls.BlsDecodingException;
import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Upstream's {@code stm.rs} cases plus a mainnet-size one, each next to the raw blst work it cannot avoid
 * ({@code lb*} benchmarks: point decoding, native MSMs, hash-to-curve + pairing), measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StmBenchmark {

    @Param({"25/150/300", "250/1523/2000", "2422/20973/3000/pareto"})
    public String config;

    private BenchScenario s;
    private byte[] msgp;
    private List<G1Point> sigmas;
    private List<G2Point> vks;
    private List<byte[]> sigmaBytes;
    private List<byte[]> vkBytes;
    private byte[] randomisers;
    private G1Point aggSig;
    private G2Point aggVk;

    @Setup(Level.Trial)
    public void setUp() {
        s = BenchScenario.get(config);
        msgp = s.avk.concatenateWithMessage(s.message);
        sigmas = s.aggregateSigmas();
        vks = s.aggregateVks();
        sigmaBytes = s.aggregateSigmaBytes();
        vkBytes = s.aggregateVkBytes();
        randomisers = StmAggregateSignature.randomisers(sigmas);
        aggSig = Bls.msmG1(sigmas, randomisers, 128);
        aggVk = Bls.msmG2(vks, randomisers, 128);
    }

    // ---- protocol operations ------------------------------------------------------------------

    /** Register all parties (PoP checks in one randomised batch) and close (sort + Merkle tree). */
    @Benchmark
    public StmClosedKeyRegistration keyRegistration() throws StmException {
        StmKeyRegistration reg = new StmKeyRegistration();
        reg.registerAll(s.entries);
        return reg.close();
    }

    /** The aggregator's path: decode every signer's json-hex key (G2 subgroup checks on two cores), then register. */
    @Benchmark
    public StmClosedKeyRegistration keyRegistrationFromJsonHex() throws StmException {
        List<StmKeyRegistration.Entry> entries = java.util.stream.IntStream.range(0, s.keyHex.size()).parallel()
                .mapToObj(i -> {
                    try {
                        return new StmKeyRegistration.Entry(s.stakes.get(i), StmVerificationKeyPoP.decode(s.keyHex.get(i)));
                    } catch (StmException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        StmKeyRegistration reg = new StmKeyRegistration();
        reg.registerAll(entries);
        return reg.close();
    }

    /** Clerk over freshly decoded json-hex single signatures (no point state carried over between runs). */
    @Benchmark
    public StmAggregateSignature aggregationFromJsonHex() throws StmException {
        List<StmSingleSignature> sigs = new ArrayList<>(s.signatureHex.size());
        for (String h : s.signatureHex) {
            sigs.add(StmSingleSignature.decode(h));
        }
        return new StmClerk(s.params, s.closed).aggregate(sigs, s.message);
    }

    /** One signer: one BLS signature and m lottery evaluations. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object playAllLotteries() {
        return s.firstSigner.sign(s.message);
    }

    /** The clerk over all collected signatures (batch BLS check, lottery re-check, selection, batch path). */
    @Benchmark
    public StmAggregateSignature aggregation() throws StmException {
        return new StmClerk(s.params, s.closed).aggregate(s.signatures, s.message);
    }

    /** Certificate path: decode the json-hex multi-signature (points validated) and verify it. */
    @Benchmark
    public StmAggregateSignature verification() throws StmException {
        StmAggregateSignature a = StmAggregateSignature.decode(s.aggregateHex);
        a.verify(s.message, s.avk, s.params);
        return a;
    }

    /** Decoding alone: json-hex parse, every sigma and vk decompressed and subgroup-checked. */
    @Benchmark
    public StmAggregateSignature decodeAggregate() throws StmException {
        return StmAggregateSignature.decode(s.aggregateHex);
    }

    /** Verification of an already decoded aggregate. */
    @Benchmark
    public StmAggregateSignature verificationDecoded() throws StmException {
        s.aggregate.verify(s.message, s.avk, s.params);
        return s.aggregate;
    }

    /** Comparison: the BLS step of verification with jblst mult+add loops instead of native MSMs. */
    @Benchmark
    public boolean blsStepWithJblstLoop() {
        byte[] r = StmAggregateSignature.randomisers(sigmas);
        return Bls.verify(Bls.msmG1Loop(sigmas, r, 128), Bls.msmG2Loop(vks, r, 128), msgp);
    }

    /** The BLS step of verification as implemented (native MSMs on two threads + core verify). */
    @Benchmark
    public boolean blsStepNative() {
        byte[] r = StmAggregateSignature.randomisers(sigmas);
        return Bls.verifyRandomized(sigmas, vks, r, 128, msgp);
    }

    /** One received single signature, as the aggregator checks it (BLS + its indexes). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public StmSingleSignature singleSignatureVerification() throws StmException {
        StmSingleSignature sig = s.signatures.get(0);
        sig.verify(s.params, s.closed.parties().get((int) sig.signerIndex()), s.avk, s.message);
        return sig;
    }

    // ---- lower bounds: raw blst work, single-threaded ------------------------------------------

    /** Decode + subgroup-check every sigma and vk of the aggregate. */
    @Benchmark
    public int lbPointDecoding() throws BlsDecodingException {
        int n = 0;
        for (byte[] b : sigmaBytes) {
            G1Point.decompress(b).validateAsSignature();
            n++;
        }
        for (byte[] b : vkBytes) {
            G2Point.decompress(b).validateAsKey();
            n++;
        }
        return n;
    }

    @Benchmark
    public G1Point lbMsmG1() {
        return Bls.msmG1(sigmas, randomisers, 128);
    }

    @Benchmark
    public G2Point lbMsmG2() {
        return Bls.msmG2(vks, randomisers, 128);
    }

    /** Hash-to-curve of msgp and the two-pairing check (blst core_verify). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean lbHashAndPairing() {
        return Bls.verify(aggSig, aggVk, msgp);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public G1Point lbHashToCurve() {
        return Bls.hashToG1(msgp);
    }

    /** The whole lower bound of one aggregate check: decode all points, both MSMs, one core verify. */
    @Benchmark
    public boolean lbAggregateVerification() throws BlsDecodingException {
        List<G1Point> sg = new ArrayList<>(sigmaBytes.size());
        List<G2Point> vk = new ArrayList<>(vkBytes.size());
        for (byte[] b : sigmaBytes) {
            G1Point p = G1Point.decompress(b);
            p.validateAsSignature();
            sg.add(p);
        }
        for (byte[] b : vkBytes) {
            G2Point p = G2Point.decompress(b);
            p.validateAsKey();
            vk.add(p);
        }
        return Bls.verify(Bls.msmG1(sg, randomisers, 128), Bls.msmG2(vk, randomisers, 128), msgp);
    }
}
