package io.mithrilj.aggregator.bench;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.CertificateRetrieverException;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.certificate.VerifiedCertificateCache;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * Verification throughput on the upstream fixture chain (52 certificates, k=70, m=105, 2 signers),
 * in certificates per second, with the real STM and Ed25519 checks and no verified-certificate cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class FixtureChainBenchmark {
    static final String LATEST = "ac347e66778ead81dd4a5d37427858dd60997620c18bf9303c638708a7cc8773";
    // the test resources the tests read (the jmh profile puts src/test/resources/upstream on the class path)
    static final String GENESIS_VK = BenchResources.text("/upstream/genesis-verification-key.txt").strip();

    Map<String, String> json;
    Map<String, Certificate> certificates;
    CertificateChainVerifier verifier;
    CertificateChainVerifier parsingVerifier;


    @Setup
    public void setup() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(BenchResources.text("/upstream/mithril-2603.1/aggregator-fake-data/certificates.json"));
        json = new LinkedHashMap<>();
        tree.fields().forEachRemaining(e -> json.put(e.getKey(), e.getValue().toString()));
        certificates = new LinkedHashMap<>();
        json.forEach((h, j) -> certificates.put(h, CertificateJson.readCertificate(j)));
        verifier = Benchmarks.verifier(certificates.values(), GENESIS_VK);
        // a retriever that parses the JSON text on every retrieval, as an HTTP client would (minus the network)
        parsingVerifier = new CertificateChainVerifier(hash -> {
                    String text = json.get(hash);
                    if (text == null) {
                        throw CertificateRetrieverException.notFound(hash);
                    }
                    return CertificateJson.readCertificate(text);
                }, StmMultiSignatureVerifier.INSTANCE, GenesisSignatureVerifier.ed25519(GENESIS_VK),
                VerifiedCertificateCache.disabled(), CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);
        if (verifier.verifyChain(certificates.get(LATEST)).verified().size() != 12) {
            throw new IllegalStateException("expected a 12-certificate walk");
        }
    }

    /** The walk of §7.3: latest (epoch 18) to genesis, 12 certificates. */
    @Benchmark
    @OperationsPerInvocation(12)
    public Object walkLatestToGenesis() throws Exception {
        return verifier.verifyChain(certificates.get(LATEST));
    }

    /** Every one of the 52 certificates verified once (one step each, parent from memory). */
    @Benchmark
    @OperationsPerInvocation(52)
    public int verifyEachCertificateOnce() throws Exception {
        int n = 0;
        for (Certificate c : certificates.values()) {
            n += verifier.verifyCertificate(c).isPresent() ? 1 : 0;
        }
        return n;
    }

    /** The 12-certificate walk including JSON parsing and STM canonical re-encoding of each certificate. */
    @Benchmark
    @OperationsPerInvocation(12)
    public Object parseAndWalkLatestToGenesis() throws Exception {
        return parsingVerifier.verifyChain(CertificateJson.readCertificate(json.get(LATEST)));
    }
}
