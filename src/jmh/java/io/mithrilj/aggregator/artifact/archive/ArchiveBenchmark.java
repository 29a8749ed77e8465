package io.mithrilj.aggregator.artifact.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
 * (issue 20's performance bullet), over a synthetic immutable DB of {@code megabytes} built from the fixture's real
 * trios (chunk bytes perturbed per file by a seeded generator so that files do not repeat). One operation = one
 * whole archive; the archiver's time includes its verification, as upstream's. Compressed sizes are printed at
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

    Path work;
    Path db;
    Path tar;
    List<String> files;
    long uncompressed;
    long archiverSize;
    long commandLineSize;

    @Setup(Level.Trial)
    public void buildDatabase() throws IOException {
        work = Files.createTempDirectory("archive-bench");
        db = work.resolve("db");
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        Path fixture = Path.of("src/test/resources/upstream/mithril-2603.1/cardano-test-data/immutable");
        byte[] chunk = Files.readAllBytes(fixture.resolve("00000.chunk"));
        byte[] primary = Files.readAllBytes(fixture.resolve("00000.primary"));
        byte[] secondary = Files.readAllBytes(fixture.resolve("00000.secondary"));
        Random random = new Random(20);
        long target = (long) megabytes << 20;
        // upstream chunks are tens of MB on mainnet: a 16 MiB chunk made of perturbed fixture blocks
        int chunkSize = 16 << 20;
        long written = 0;
        int number = 0;
        for (; written < target; number++) {
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

    @Benchmark
    public long archiverZstd9Workers4() throws Exception {
        FileArchive archive = new FileArchiver(ArchiveSettings.zstandard(9, 4), work.resolve("verification"))
                .archive(db, files, work.resolve("out"), "bench");
        archiverSize = archive.archiveSize();
        return archiverSize;
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
                "%nuncompressed %d bytes; archiver .tar.zst %d bytes; zstd -9 -T4 %d bytes%n",
                uncompressed, archiverSize, commandLineSize);
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
