package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.bench.BenchResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.crypto.JsonReader;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading json-hex on the hot paths, JSON part only (hex decoding, parsing, walking the tree to byte arrays and
 * integers; no curve-point decoding): a single signature (signature ingestion), a verification key with its
 * proof of possession and a KES signature (signer registration), and aggregate signatures (certificate chain
 * verification). Each input is read by {@link JsonReader} (Jackson's streaming parser into the codecs' tree,
 * {@code stream}) and by Jackson's databind tree ({@code tree}), interleaved in one run. The hand-written parsers
 * this reader replaced were measured as a third variant at commit 71c8605 (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class JsonHexBenchmark {

    @Param({"stream", "tree"})
    public String parser;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    String singleSignature;
    String verificationKey;
    String kesSignature;
    String fixtureAggregate;
    String largeAggregate;


    @Setup
    public void setup() throws Exception {
        String base = "/upstream/mithril-2603.1/aggregator-fake-data/";
        JsonNode signer = MAPPER.readTree(BenchResources.text(base + "mithril-stake-distributions.json"))
                .elements()
                .next()
                .get("signers")
                .get(0);
        verificationKey = signer.get("verification_key").asText();
        kesSignature = signer.get("verification_key_signature").asText();
        // the largest multi-signature of the upstream chain (2 signers, k=70)
        fixtureAggregate = MAPPER.readTree(BenchResources.text(base + "certificates.json"))
                .get("ac347e66778ead81dd4a5d37427858dd60997620c18bf9303c638708a7cc8773")
                .get("multi_signature")
                .asText();
        // upstream's smallest stm.rs case: k=25 from 300 parties, as the wire carries them
        BenchScenario s = scenario();
        singleSignature = s.signatureHex.stream()
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .orElseThrow();
        largeAggregate = s.aggregateHex;
        System.err.printf(
                "%n[json-hex chars] single %d, vk+pop %d, kes %d, fixture aggregate %d, large aggregate %d%n",
                singleSignature.length(),
                verificationKey.length(),
                kesSignature.length(),
                fixtureAggregate.length(),
                largeAggregate.length());
        // every variant must read the same values before any is timed
        String chosen = parser;
        for (String p : List.of("stream", "tree")) {
            parser = p;
            check(singleSignature(), 48);
            check(verificationKeyPoP(), 192);
            check(kesSignature(), 448);
        }
        parser = chosen;
    }

    // with fresh random keys the 300 parties win fewer than k lotteries now and then: draw again
    private static BenchScenario scenario() {
        for (int attempt = 1; ; attempt++) {
            try {
                return BenchScenario.get("25/150/300");
            } catch (IllegalStateException e) {
                if (attempt == 5) throw e;
            }
        }
    }

    private static void check(long v, long expected) {
        if (v < expected) throw new IllegalStateException("variant read too little: " + v);
    }

    // ---- the paths ------------------------------------------------------------------------------

    /** POST /register-signatures: one STM single signature. */
    @Benchmark
    public long singleSignature() throws Exception {
        return switch (parser) {
            case "stream" -> single(JsonReader.read(Bytes.fromHex(singleSignature, true)));
            default -> single(MAPPER.readTree(Bytes.fromHex(singleSignature, true)));
        };
    }

    /** POST /register-signer: the STM verification key with its proof of possession. */
    @Benchmark
    public long verificationKeyPoP() throws Exception {
        return switch (parser) {
            case "stream" -> keyPoP(JsonReader.read(Bytes.fromHex(verificationKey, true)));
            default -> keyPoP(MAPPER.readTree(Bytes.fromHex(verificationKey, true)));
        };
    }

    /** POST /register-signer: the KES signature of the verification key. */
    @Benchmark
    public long kesSignature() throws Exception {
        return switch (parser) {
            case "stream" -> kes(JsonReader.read(HexJson.fromHex(kesSignature.strip())));
            default -> kes(MAPPER.readTree(HexJson.fromHex(kesSignature.strip())));
        };
    }

    /** Certificate chain verification: the upstream fixture chain's multi-signature. */
    @Benchmark
    public long fixtureAggregate() throws Exception {
        return aggregate(fixtureAggregate);
    }

    /** Certificate chain verification: an aggregate of the k=25 / 300-party case. */
    @Benchmark
    public long largeAggregate() throws Exception {
        return aggregate(largeAggregate);
    }

    private long aggregate(String hex) throws Exception {
        return switch (parser) {
            case "stream" -> aggregate(JsonReader.read(Bytes.fromHex(hex, true)));
            default -> aggregate(MAPPER.readTree(Bytes.fromHex(hex, true)));
        };
    }

    // ---- walks over the map/list tree (the STM codecs' accessors) ------------------------------

    private static long single(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "single signature");
        long sum = Json.bytes(Json.field(o, "sigma"), 48, "sigma").length;
        for (Object i : Json.array(Json.field(o, "indexes"), "indexes")) {
            sum += Json.u64(i, "index");
        }
        return sum + Json.u64(Json.field(o, "signer_index"), "signer_index");
    }

    private static long keyPoP(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "verification key");
        return Json.bytes(Json.field(o, "vk"), 96, "vk").length
                + Json.bytes(Json.field(o, "pop"), 96, "pop").length;
    }

    private static long kes(Object node) throws StmException.SerializationError {
        long sum = 0;
        for (int d = 6; d >= 1; d--) {
            Map<String, Object> level = Json.object(node, "KES level");
            sum += Json.bytes(Json.field(level, "lhs_pk"), 32, "lhs_pk").length;
            sum += Json.bytes(Json.field(level, "rhs_pk"), 32, "rhs_pk").length;
            node = Json.field(level, "sigma");
        }
        return sum + Json.bytes(node, 64, "sigma").length;
    }

    private static long aggregate(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "aggregate signature");
        long sum = 0;
        for (Object pair : Json.array(Json.field(o, "signatures"), "signatures")) {
            List<Object> p = Json.array(pair, "signature with party");
            sum += single(p.get(0));
            List<Object> party = Json.array(p.get(1), "registered party");
            sum += Json.bytes(party.get(0), 96, "vk").length + Json.u64(party.get(1), "stake");
        }
        Map<String, Object> proof = Json.object(Json.field(o, "batch_proof"), "batch_proof");
        for (Object v : Json.array(Json.field(proof, "values"), "values")) {
            sum += Json.bytes(v, -1, "value").length;
        }
        for (Object i : Json.array(Json.field(proof, "indices"), "indices")) {
            sum += Json.u64(i, "index");
        }
        return sum;
    }

    // ---- the same walks over Jackson's databind tree -------------------------------------------

    private static byte[] bytes(JsonNode n, int expected) {
        if (!n.isArray() || (expected >= 0 && n.size() != expected)) throw new IllegalArgumentException("bytes");
        byte[] out = new byte[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode b = n.get(i);
            if (!b.canConvertToInt() || !b.isIntegralNumber() || b.intValue() < 0 || b.intValue() > 255) {
                throw new IllegalArgumentException("byte");
            }
            out[i] = (byte) b.intValue();
        }
        return out;
    }

    private static long u64(JsonNode n) {
        if (!n.isIntegralNumber() || n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().bitLength() > 64) {
            throw new IllegalArgumentException("u64");
        }
        return n.longValue();
    }

    private static JsonNode field(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) throw new IllegalArgumentException("missing " + name);
        return v;
    }

    private static long single(JsonNode o) {
        long sum = bytes(field(o, "sigma"), 48).length;
        for (JsonNode i : field(o, "indexes")) {
            sum += u64(i);
        }
        return sum + u64(field(o, "signer_index"));
    }

    private static long keyPoP(JsonNode o) {
        return bytes(field(o, "vk"), 96).length + bytes(field(o, "pop"), 96).length;
    }

    private static long kes(JsonNode node) {
        long sum = 0;
        for (int d = 6; d >= 1; d--) {
            sum += bytes(field(node, "lhs_pk"), 32).length + bytes(field(node, "rhs_pk"), 32).length;
            node = field(node, "sigma");
        }
        return sum + bytes(node, 64).length;
    }

    private static long aggregate(JsonNode o) {
        long sum = 0;
        for (JsonNode pair : field(o, "signatures")) {
            sum += single(pair.get(0));
            sum += bytes(pair.get(1).get(0), 96).length + u64(pair.get(1).get(1));
        }
        JsonNode proof = field(o, "batch_proof");
        for (JsonNode v : field(proof, "values")) {
            sum += bytes(v, -1).length;
        }
        for (JsonNode i : field(proof, "indices")) {
            sum += u64(i);
        }
        return sum;
    }
}
