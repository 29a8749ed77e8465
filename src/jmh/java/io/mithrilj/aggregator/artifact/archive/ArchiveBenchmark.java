package io.mithrilj.aggregator.artifact.archive;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
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
 * The archiver at zstd level 9 with 4 workers against the {@code zstd -9 -T4} command line on the same tar stream
 * (issue 20's performance bullet), over a synthetic immutable DB of {@code megabytes}: chunks of {@code chunkMegabytes}
 * as compressible as real ones ({@link #fillChunk}), the fixture's primary and secondary indexes. One operation = one
 * whole archive; the archiver's time includes its verification, as upstream's ({@code zstdJniCompressionOnly} is the
 * compression alone, through the same library at the same settings). Compressed sizes are printed at
 * tear-down. Needs {@code zstd} on the PATH: {@code ./mvnw -Pjmh -DskipTests compile exec:exec
 * -Djmh.args="ArchiveBenchmark -p megabytes=2048"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ArchiveBenchmark {

    @Param("256")
    int megabytes;

    /** Recent mainnet chunks are some 40 MB. */
    @Param("40")
    int chunkMegabytes;

    Path work;
    Path db;
    Path tar;
    List<String> files;
    long uncompressed;
    long archiverSize;
    long commandLineSize;
    long jniSize;

    @Setup(Level.Trial)
    public void buildDatabase() throws IOException {
        work = Files.createTempDirectory("archive-bench");
        db = work.resolve("db");
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        Path fixture = Path.of("src/test/resources/upstream/mithril-2603.1/cardano-test-data/immutable");
        byte[] primary = Files.readAllBytes(fixture.resolve("00000.primary"));
        byte[] secondary = Files.readAllBytes(fixture.resolve("00000.secondary"));
        SplittableRandom random = new SplittableRandom(20);
        long target = (long) megabytes << 20;
        int chunkSize = chunkMegabytes << 20;
        byte[] chunk = new byte[chunkSize];
        long written = 0;
        int number = 0;
        for (; written < target; number++) {
            String stem = "%05d".formatted(number);
            fillChunk(chunk, random);
            Files.write(immutable.resolve(stem + ".chunk"), chunk);
            Files.write(immutable.resolve(stem + ".primary"), primary);
            Files.write(immutable.resolve(stem + ".secondary"), secondary);
            written += chunkSize + primary.length + secondary.length;
        }
        // one more trio: the one the node is still writing, left out by the selector
        Files.write(immutable.resolve("%05d.chunk".formatted(number)), primary);
        files = FileArchiver.completedImmutableFiles(db);
        tar = work.resolve("plain.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(
                new BufferedOutputStream(Files.newOutputStream(tar), 1 << 16))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            for (String name : files) {
                Path file = db.resolve(name);
                out.putArchiveEntry(new TarArchiveEntry(file, name));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
                uncompressed += Files.size(file);
            }
        }
    }

    /**
     * Chunk bytes that compress as the fixture's real chunks do at zstd -9 (about 3:1: 85,519 to 27,092 bytes) and
     * never repeat across files: runs of 64..319 bytes, one in eight random, the others drawn from a 4-letter
     * alphabet. Repeating perturbed copies of the fixture instead compresses 40:1, and much faster than real blocks.
     */
    static void fillChunk(byte[] chunk, SplittableRandom random) {
        int i = 0;
        while (i < chunk.length) {
            int run = Math.min(chunk.length - i, 64 + random.nextInt(256));
            if (random.nextInt(8) == 0) {
                for (int k = 0; k < run; k++) chunk[i + k] = (byte) random.nextInt();
            } else {
                for (int k = 0; k < run; k++) chunk[i + k] = (byte) random.nextInt(4);
            }
            i += run;
        }
    }

    @Benchmark
    public long archiverZstd9Workers4() throws Exception {
        FileArchive archive = new FileArchiver(ArchiveSettings.zstandard(9, 4), work.resolve("verification"))
                .archive(db, files, work.resolve("out"), "bench");
        archiverSize = archive.archiveSize();
        return archiverSize;
    }

    /** The compression alone: the same tar through zstd-jni at the archiver's settings, no tar writing nor verification. */
    @Benchmark
    public long zstdJniCompressionOnly() throws Exception {
        Path out = work.resolve("jni.tar.zst");
        try (InputStream in = Files.newInputStream(tar);
                ZstdOutputStream zstd = new ZstdOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(out), 1 << 16), RecyclingBufferPool.INSTANCE)) {
            zstd.setLevel(9);
            zstd.setWorkers(4);
            byte[] buffer = new byte[1 << 16]; // the archiver's buffer size
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) zstd.write(buffer, 0, n);
        }
        jniSize = Files.size(out);
        return jniSize;
    }

    @Benchmark
    public long zstdCommandLine() throws Exception {
        Path out = work.resolve("cli.tar.zst");
        Process zstd = new ProcessBuilder("zstd", "-9", "-T4", "-q", "-f", tar.toString(), "-o", out.toString())
                .inheritIO()
                .start();
        if (zstd.waitFor() != 0) throw new IOException("zstd exited with " + zstd.exitValue());
        commandLineSize = Files.size(out);
        return commandLineSize;
    }

    @TearDown(Level.Trial)
    public void report() throws IOException {
        System.out.printf(
                "%nuncompressed %d bytes in %d files; archiver .tar.zst %d bytes; zstd-jni alone %d bytes;"
                        + " zstd -9 -T4 %d bytes%n",
                uncompressed,
                files.size(),
                archiverSize,
                jniSize,
                commandLineSize);
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
