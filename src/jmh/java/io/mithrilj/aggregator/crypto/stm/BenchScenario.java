package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * One benchmark population: parties with keys, the closed registration, every party's signature on one message,
 * and the aggregate. Built once per JVM and shared by all benchmarks (run JMH with {@code -f0}, or accept the
 * set-up cost per fork).
 */
final class BenchScenario {

    private static final Map<String, BenchScenario> CACHE = new ConcurrentHashMap<>();

    final StmParameters params;
    final List<StmInitializer> initializers;
    final List<StmKeyRegistration.Entry> entries;
    final StmClosedKeyRegistration closed;
    final StmAggregateVerificationKey avk;
    final byte[] message;
    final List<StmSingleSignature> signatures;
    final StmAggregateSignature aggregate;
    final String aggregateHex;
    final StmSigner firstSigner;
    /** The parties' keys and the signatures as they arrive over the wire (json-hex). */
    final List<String> keyHex;
    final List<Long> stakes;
    final List<String> signatureHex;

    /** {@code "k/m/parties"} (uniform stakes 1 + rand % 9999) or {@code "k/m/parties/pareto"}. */
    static BenchScenario get(String config) {
        return CACHE.computeIfAbsent(config, BenchScenario::new);
    }

    private BenchScenario(String config) {
        String[] p = config.split("/");
        long k = Long.parseLong(p[0]);
        long m = Long.parseLong(p[1]);
        int n = Integer.parseInt(p[2]);
        boolean pareto = p.length > 3 && p[3].equals("pareto");
        params = new StmParameters(m, k, 0.2);
        Random random = new Random(42);
        SecureRandom keys = new SecureRandom();
        initializers = new ArrayList<>(n);
        entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long stake = pareto ? paretoStake(random) : 1 + random.nextInt(9999);
            StmInitializer init = StmInitializer.generate(params, stake, keys);
            initializers.add(init);
            entries.add(new StmKeyRegistration.Entry(stake, init.verificationKeyPoP()));
        }
        StmKeyRegistration reg = new StmKeyRegistration();
        try {
            reg.registerAll(entries);
            closed = reg.close();
            avk = closed.aggregateVerificationKey();
            message = "4dcb2bf1dd11a1e4a0a6e1d9c1a9c0c9b0b5b3a3e7f2c1d0a9b8c7d6e5f4a3b2".getBytes(StandardCharsets.US_ASCII);
            List<StmSigner> signers = new ArrayList<>();
            for (StmInitializer init : initializers) {
                signers.add(init.createSigner(closed));
            }
            firstSigner = signers.get(0);
            List<Optional<StmSingleSignature>> signed = IntStream.range(0, n).parallel()
                    .mapToObj(i -> signers.get(i).sign(message)).toList();
            signatures = signed.stream().flatMap(Optional::stream).toList();
            aggregate = new StmClerk(params, closed).aggregate(signatures, message);
            aggregateHex = aggregate.toJsonHex();
            aggregate.verify(message, avk, params);
        } catch (StmException e) {
            throw new IllegalStateException(e);
        }
        keyHex = entries.stream().map(e -> e.key().toJsonHex()).toList();
        stakes = entries.stream().map(StmKeyRegistration.Entry::stake).toList();
        signatureHex = signatures.stream().map(StmSingleSignature::toJsonHex).toList();
        System.err.printf("%n[scenario %s] %d signatures, aggregate of %d signatures, %d-char json-hex%n",
                config, signatures.size(), aggregate.signatures().size(), aggregateHex.length());
    }

    /** Pareto-like (alpha 1.16, the "80/20" shape) stakes between 1 and ~10^9. */
    private static long paretoStake(Random random) {
        double u = 1.0 - random.nextDouble();
        return Math.min(1_000_000_000L, (long) (1000.0 / Math.pow(u, 1.0 / 1.16)));
    }

    List<G1Point> aggregateSigmas() {
        return aggregate.signatures().stream().map(s -> s.signature().sigma()).toList();
    }

    List<G2Point> aggregateVks() {
        return aggregate.signatures().stream().map(s -> s.party().vk().point()).toList();
    }

    List<byte[]> aggregateSigmaBytes() {
        return aggregate.signatures().stream().map(s -> s.signature().sigma().toBytes()).toList();
    }

    List<byte[]> aggregateVkBytes() {
        return aggregate.signatures().stream().map(s -> s.party().vk().toBytes()).toList();
    }
}
