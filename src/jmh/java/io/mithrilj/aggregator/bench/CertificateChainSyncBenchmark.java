package io.mithrilj.aggregator.bench;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.follower.CertificateChainSynchronizer;
import io.mithrilj.aggregator.follower.CertificateChainSynchronizer.SyncResult;
import io.mithrilj.aggregator.follower.CertificateChainSynchronizer.SyncState;
import io.mithrilj.aggregator.follower.LeaderAggregator;
import io.mithrilj.aggregator.follower.LeaderAggregatorClient;
import io.mithrilj.aggregator.follower.LeaderAggregatorException;
import io.mithrilj.aggregator.persistence.BenchStores;
import io.mithrilj.aggregator.persistence.CertificateFields;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Issue 18's performance point: the follower's {@link CertificateChainSynchronizer} on the generated 1,000-certificate
 * chain with mainnet parameters ({@link GeneratedChain}), against the plain {@link CertificateChainVerifier} walk of
 * the same chain ({@link GeneratedChainBenchmark#walk1000ToGenesis}), in certificates per second.
 *
 * <p>{@link #synchronize1000} is the real thing: a forced synchronisation ({@code synchronize(true)}) by the real
 * {@link LeaderAggregatorClient} over HTTP/1.1 from an in-process leader double ({@link ChainLeaderDouble}), every
 * certificate fetched, parsed and fully verified (no verified-certificate cache, as the walk), then what upstream
 * keeps stored in one transaction by the real repositories on the embedded PostgreSQL with the service's migrations.
 * Each invocation starts from emptied certificate and open message tables. {@link #walk1000ToGenesis} is the walk of
 * {@code GeneratedChainBenchmark}: certificates in memory, already parsed.
 *
 * <p>After its measurement, the synchronizer's fork runs one more synchronisation with the leader's calls and the
 * store's transaction timed, then times alone the parsing of the 1,000 bodies, the preparation of the stored rows and
 * the plain walk, and prints where the time went ({@link #printPhases}).
 *
 * <p>{@link #main} runs both and prints the ratio (target: the synchronisation at 80 % of the walk or more):
 *
 * <pre>./mvnw -o -q -Pjmh -DskipTests compile exec:exec \
 *     -Djmh.main=io.mithrilj.aggregator.bench.CertificateChainSyncBenchmark -Djmh.args="-rf text -rff target/jmh-sync.txt"</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class CertificateChainSyncBenchmark {

    static final int CERTIFICATES = GeneratedChainBenchmark.CERTIFICATES;
    static final int SIGNERS = 20;
    static final int PER_EPOCH = 50;
    static final double TARGET_RATIO = 0.8;

    /** The chain and the plain verifier of {@code GeneratedChainBenchmark}. */
    @State(Scope.Benchmark)
    public static class Chain {
        GeneratedChain chain;
        CertificateChainVerifier verifier;

        @Setup(Level.Trial)
        public void load() throws Exception {
            chain = GeneratedChain.loadOrGenerate(CERTIFICATES, PER_EPOCH, SIGNERS);
            verifier = Benchmarks.verifier(chain.certificates, chain.genesisVerificationKey);
        }
    }

    /** A follower: its stores on the embedded PostgreSQL, its client of the leader double, its synchronizer. */
    @State(Scope.Benchmark)
    public static class Follower {
        Path storesDirectory;
        BenchStores stores;
        ChainLeaderDouble leader;
        LeaderAggregatorClient client;
        Ed25519VerificationKey genesisKey;
        CertificateChainSynchronizer synchronizer;
        /** What upstream keeps of the chain: the genesis up to the first certificate of the latest epoch. */
        int expectedStored;

        @Setup(Level.Trial)
        public void start(Chain chain) throws Exception {
            List<Certificate> certificates = chain.chain.certificates;
            expectedStored = keptByUpstream(certificates);
            storesDirectory = Files.createTempDirectory(
                    Files.createDirectories(Path.of("target", "bench")), "follower-stores-");
            stores = BenchStores.startIn(storesDirectory);
            leader = new ChainLeaderDouble(certificates);
            client = new LeaderAggregatorClient(leader.endpoint());
            genesisKey = Ed25519VerificationKey.fromJsonHex(chain.chain.genesisVerificationKey);
            synchronizer = new CertificateChainSynchronizer(
                    client, genesisKey, stores.certificates(), stores.openMessages(), stores.stores());
        }

        /** A forced synchronisation stores into emptied tables (not a replacement of the previous one's rows). */
        @Setup(Level.Invocation)
        public void emptyStores() {
            stores.execute("delete from certificate");
            stores.execute("delete from open_message");
        }

        @TearDown(Level.Trial)
        public void phasesThenStop(Chain chain) throws Exception {
            try {
                emptyStores();
                printPhases(this, chain);
            } finally {
                client.close();
                leader.close();
                stores.close();
                deleteTree(storesDirectory);
            }
        }
    }

    /** The whole walk from the latest certificate to the genesis: 1,000 certificates verified. */
    @Benchmark
    @OperationsPerInvocation(CERTIFICATES)
    public Object walk1000ToGenesis(Chain chain) throws Exception {
        var result = chain.verifier.verifyChain(chain.chain.latest());
        if (result.verified().size() != CERTIFICATES) {
            throw new IllegalStateException("walk of " + result.verified().size());
        }
        return result;
    }

    /** A forced synchronisation: 1,000 certificates fetched over HTTP, parsed, verified; the kept ones stored. */
    @Benchmark
    @OperationsPerInvocation(CERTIFICATES)
    public Object synchronize1000(Follower follower) {
        SyncResult result = follower.synchronizer.synchronize(true);
        if (result.state() != SyncState.FORCED || result.stored() != follower.expectedStored) {
            throw new IllegalStateException("synchronisation " + result + ", expected " + follower.expectedStored
                    + " certificates stored");
        }
        return result;
    }

    static int keptByUpstream(List<Certificate> genesisFirst) {
        var latestEpoch = genesisFirst.getLast().epoch();
        for (int i = 0; i < genesisFirst.size(); i++) {
            if (genesisFirst.get(i).epoch().equals(latestEpoch)) return i + 1;
        }
        throw new IllegalStateException("no certificate of the latest epoch");
    }

    // ------------------------------------------------------------------ where the time goes

    /** The leader's calls, timed (they include the HTTP exchange and the parsing of the body). */
    static final class TimedLeader implements LeaderAggregator {
        private final LeaderAggregator leader;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong calls = new AtomicLong();

        TimedLeader(LeaderAggregator leader) {
            this.leader = leader;
        }

        private interface Call<T> {
            T run() throws LeaderAggregatorException;
        }

        private <T> T timed(Call<T> call) throws LeaderAggregatorException {
            long start = System.nanoTime();
            try {
                return call.run();
            } finally {
                nanos.addAndGet(System.nanoTime() - start);
                calls.incrementAndGet();
            }
        }

        @Override
        public String endpoint() {
            return leader.endpoint();
        }

        @Override
        public EpochSettingsMessage epochSettings() throws LeaderAggregatorException {
            return timed(leader::epochSettings);
        }

        @Override
        public Optional<Certificate> latestCertificate() throws LeaderAggregatorException {
            return timed(leader::latestCertificate);
        }

        @Override
        public Optional<Certificate> genesisCertificate() throws LeaderAggregatorException {
            return timed(leader::genesisCertificate);
        }

        @Override
        public Optional<String> protocolConfiguration(long epoch) throws LeaderAggregatorException {
            return timed(() -> leader.protocolConfiguration(epoch));
        }

        @Override
        public Certificate getCertificateDetails(String hash) throws LeaderAggregatorException {
            return timed(() -> leader.getCertificateDetails(hash));
        }

        @Override
        public Certificate getCertificateDetails(String hash, CryptoCanonicalizer canonicalizer)
                throws LeaderAggregatorException {
            return timed(() -> leader.getCertificateDetails(hash, canonicalizer));
        }
    }

    /**
     * One more forced synchronisation with the leader's calls and the store's transaction timed, then, alone, the
     * parsing of the 1,000 bodies, the preparation of the stored rows and the plain verification walk. The leader's
     * calls run mostly on the synchronizer's fetch-ahead thread, overlapping the verification: they are reported as
     * work done, and the walk of the synchronisation (whole minus store and rows) is compared with the plain walk.
     */
    static void printPhases(Follower follower, Chain chain) throws Exception {
        TimedLeader leader = new TimedLeader(follower.client);
        AtomicLong storeNanos = new AtomicLong();
        CertificateChainSynchronizer timed = new CertificateChainSynchronizer(
                leader,
                follower.genesisKey,
                follower.stores.certificates(),
                follower.stores.openMessages(),
                follower.stores.storesTimingTransactions(storeNanos::addAndGet));
        long requestsBefore = follower.leader.requests();
        long bytesBefore = follower.leader.bytesServed();
        long start = System.nanoTime();
        SyncResult result = timed.synchronize(true);
        long total = System.nanoTime() - start;
        long requests = follower.leader.requests() - requestsBefore;
        long bytes = follower.leader.bytesServed() - bytesBefore;
        if (result.stored() != follower.expectedStored) {
            throw new IllegalStateException("instrumented synchronisation stored " + result.stored());
        }
        long storedRows = follower.stores.count("select count(*) from certificate");
        long openMessages = follower.stores.count("select count(*) from open_message where is_certified");

        List<Certificate> certificates = chain.chain.certificates;
        List<String> bodies = new ArrayList<>(certificates.size());
        for (Certificate c : certificates) bodies.add(follower.leader.certificateBody(c.hash()));
        long parseStart = System.nanoTime();
        for (String body : bodies) {
            if (CertificateJson.readCertificate(body).hash().isEmpty()) throw new IllegalStateException("no hash");
        }
        long parse = System.nanoTime() - parseStart;

        long rowsStart = System.nanoTime();
        for (Certificate c : certificates.subList(0, follower.expectedStored)) {
            CertificateFields.of(CertificateMessage.fromCertificate(c));
        }
        long rows = System.nanoTime() - rowsStart;

        long walkStart = System.nanoTime();
        chain.verifier.verifyChain(chain.chain.latest());
        long plainWalk = System.nanoTime() - walkStart;

        long leaderNanos = leader.nanos.get();
        long store = storeNanos.get();
        long syncWalk = total - store - rows;
        System.out.printf(
                "%nOne forced synchronisation of %d certificates, timed (%d requests, %.1f MB served; %d rows stored,"
                        + " %d certified open message):%n",
                CERTIFICATES, requests, bytes / 1e6, storedRows, openMessages);
        line("whole synchronisation", total, total);
        line("  walk: fetch + parse + verify (whole - store - rows)", syncWalk, total);
        line("  rows: message and list item JSON (alone)", rows, total);
        line("  store transaction (" + result.stored() + " rows + open message)", store, total);
        System.out.printf("Work done during the walk, mostly overlapping the verification (fetched ahead):%n");
        line("  leader calls (" + leader.calls.get() + "): HTTP + JSON parse", leaderNanos, total);
        line("    of which JSON parse (the same bodies, alone)", Math.min(parse, leaderNanos), total);
        line("    of which HTTP (difference)", Math.max(0, leaderNanos - parse), total);
        System.out.printf("Plain verification of the same chain, in memory (the walk benchmark, once):%n");
        line("  plain walk", plainWalk, total);
        // negative when the fetch-ahead thread takes more work off the walk (the multi-signatures' decoding, done
        // there at parsing) than the leader's answers add to it
        line("  the synchronisation's walk minus the plain walk", syncWalk - plainWalk, total);
        System.out.printf(
                "%-56s %8.1f certificates/s (plain walk %.1f)%n",
                "synchronisation rate",
                CERTIFICATES / (total / 1e9),
                CERTIFICATES / (plainWalk / 1e9));
    }

    private static void line(String what, long nanos, long total) {
        System.out.printf(
                "%-56s %8.0f ms %6.1f %%  %7.0f us/certificate%n",
                what, nanos / 1e6, 100.0 * nanos / total, nanos / 1e3 / CERTIFICATES);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    // ------------------------------------------------------------------ both, and their ratio

    /**
     * Runs this class's two benchmarks (JMH options as on JMH's command line; without a benchmark pattern, this
     * class) and prints both scores and the ratio synchronisation / walk.
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()) {
            org.openjdk.jmh.Main.main(args); // the profile's default arguments are -h
            return;
        }
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(CertificateChainSyncBenchmark.class.getSimpleName() + "\\.");
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        RunResult walk = only(results, "walk1000ToGenesis");
        RunResult sync = only(results, "synchronize1000");
        System.out.printf("%n%-40s %10s %10s  %s%n", "benchmark", "cert/s", "error", "iterations");
        for (RunResult r : List.of(walk, sync)) {
            var primary = r.getPrimaryResult();
            List<String> iterations = new ArrayList<>();
            r.getBenchmarkResults()
                    .forEach(b -> b.getIterationResults()
                            .forEach(i -> iterations.add(String.format("%.1f", i.getPrimaryResult().getScore()))));
            System.out.printf(
                    "%-40s %10.1f %10.1f  %s%n",
                    r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                    primary.getScore(),
                    primary.getScoreError(),
                    String.join(", ", iterations));
        }
        double ratio = sync.getPrimaryResult().getScore() / walk.getPrimaryResult().getScore();
        System.out.printf(
                "synchronisation / walk = %.1f %% (target >= %.0f %%: %s)%n",
                100 * ratio, 100 * TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met");
    }

    private static RunResult only(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        method + " did not run: run both benchmarks of the class to get their ratio"));
    }
}
