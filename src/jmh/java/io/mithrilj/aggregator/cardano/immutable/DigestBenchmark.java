package io.mithrilj.aggregator.cardano.immutable;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The immutable file digester (every core, no cache) against {@code sha256sum} run on both cores ({@code xargs -P2})
 * over the same files of a synthetic immutable DB of {@code megabytes} (issue 20's performance bullet), and the next
 * epoch's digests with the cache holding every file but the epoch's new trios (the incremental case). Chunks are
 * {@code chunkMegabytes} of the fixture's real blocks perturbed per file, primary and secondary files the fixture's;
 * the page cache is warm for both sides (the set-up writes the files, the warm-up reads them). Needs {@code sha256sum}
 * and {@code xargs}: {@code ./mvnw -Pjmh -DskipTests compile exec:exec -Djmh.args="DigestBenchmark -p megabytes=2048"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class DigestBenchmark {

    @Param("256")
    int megabytes;

    @Param("40")
    int chunkMegabytes;

    /** Trios completed per epoch: the new files of the incremental case. */
    @Param("3")
    int newTrios;

    Path work;
    Path db;
    long lastCompleted;
    long bytes;
    ImmutableDigester digester;
    Map<String, String> allButNew;
    ImmutableDigester.ImmutableDigests incremental;

    @Setup(Level.Trial)
    public void buildDatabase() throws IOException {
        work = Files.createTempDirectory("digest-bench");
        db = work.resolve("db");
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        Path fixture = Path.of("src/test/resources/upstream/mithril-2603.1/cardano-test-data/immutable");
        byte[] chunk = Files.readAllBytes(fixture.resolve("00000.chunk"));
        byte[] primary = Files.readAllBytes(fixture.resolve("00000.primary"));
        byte[] secondary = Files.readAllBytes(fixture.resolve("00000.secondary"));
        Random random = new Random(20);
        long target = (long) megabytes << 20;
        int chunkSize = chunkMegabytes << 20;
        int number = 0;
        for (; bytes < target; number++) {
            String stem = "%05d".formatted(number);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(immutable.resolve(stem + ".chunk")))) {
                byte[] copy = chunk.clone();
                for (int done = 0; done < chunkSize; done += copy.length) {
                    for (int i = 0; i < copy.length; i += 64) copy[i] = (byte) random.nextInt();
                    out.write(copy, 0, Math.min(copy.length, chunkSize - done));
                }
            }
            Files.write(immutable.resolve(stem + ".primary"), primary);
            Files.write(immutable.resolve(stem + ".secondary"), secondary);
            bytes += chunkSize + primary.length + secondary.length;
        }
        lastCompleted = number - 1;
        // the trio the node is still writing: not digested
        Files.write(immutable.resolve("%05d.chunk".formatted(number)), primary);
        digester = new ImmutableDigester(null);
        allButNew = new HashMap<>();
        for (ImmutableDigester.FileDigest d : digester.computeDigests(db, lastCompleted).entries()) {
            if (d.file().number() <= lastCompleted - newTrios) allButNew.put(d.fileName(), d.digest());
        }
    }

    @Benchmark
    public int digesterEveryCore() {
        return digester.computeDigests(db, lastCompleted).entries().size();
    }

    @Benchmark
    public int sha256sumTwoCores() throws Exception {
        Process p = new ProcessBuilder(
                        "bash",
                        "-c",
                        "find immutable -type f -name '[0-9]*.*' | sort | xargs -P2 -n 6 sha256sum > /dev/null")
                .directory(db.toFile())
                .inheritIO()
                .start();
        if (p.waitFor() != 0) throw new IOException("sha256sum pipeline exited with " + p.exitValue());
        return p.exitValue();
    }

    /** The next epoch: every file but the last {@code newTrios} trios comes from the cache. */
    @Benchmark
    public int digesterIncremental() {
        Map<String, String> cache = new ConcurrentHashMap<>(allButNew);
        try (ImmutableDigester d = new ImmutableDigester(new MapCache(cache))) {
            incremental = d.computeDigests(db, lastCompleted);
            return incremental.cacheMisses();
        }
    }

    @TearDown(Level.Trial)
    public void report() throws IOException {
        digester.close();
        if (incremental != null) {
            System.out.printf(
                    "%n%d bytes in %d trios; incremental: %d hits, %d misses (hit rate %.1f %%)%n",
                    bytes,
                    lastCompleted + 1,
                    incremental.cacheHits(),
                    incremental.cacheMisses(),
                    incremental.cacheHitRate() * 100);
        }
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private record MapCache(Map<String, String> map) implements DigestCache {
        @Override
        public Map<String, String> get(Collection<String> fileNames) {
            Map<String, String> out = new HashMap<>();
            for (String name : fileNames) {
                String digest = map.get(name);
                if (digest != null) out.put(name, digest);
            }
            return out;
        }

        @Override
        public void put(Map<String, String> digests) {
            map.putAll(digests);
        }
    }
}
