package io.mithrilj.aggregator.artifact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.luben.zstd.ZstdInputStream;
import io.mithrilj.aggregator.artifact.archive.ArchiveException.Reason;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The archiver on upstream's real immutable fixture files (cardano-test-data/immutable: trios 0 to 3). */
class FileArchiverTest {
    private static final List<String> COMPLETED = List.of(
            "immutable/00000.chunk",
            "immutable/00000.primary",
            "immutable/00000.secondary",
            "immutable/00001.chunk",
            "immutable/00001.primary",
            "immutable/00001.secondary",
            "immutable/00002.chunk",
            "immutable/00002.primary",
            "immutable/00002.secondary");

    @TempDir
    Path temp;

    Path db;
    Path snapshots;
    Path verification;

    @BeforeEach
    void copyFixtureDatabase() throws IOException {
        db = temp.resolve("db");
        snapshots = temp.resolve("snapshots");
        verification = temp.resolve("verification");
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        try (Stream<Path> files = Files.list(UpstreamReference.cardanoTestData("immutable"))) {
            for (Path f : files.toList()) {
                Files.copy(f, immutable.resolve(f.getFileName()));
            }
        }
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(ArchiveSettings.gzip()),
                Arguments.of(ArchiveSettings.zstandard(9, 0)),
                Arguments.of(ArchiveSettings.zstandard(9, 2)),
                Arguments.of(ArchiveSettings.zstandard(1, 4)));
    }

    @Test
    void completedImmutableFilesAreTheTriosBelowTheHighestNumberInOrder() throws IOException {
        Files.writeString(db.resolve("immutable/notes.txt"), "not an immutable file");
        assertThat(FileArchiver.completedImmutableFiles(db)).isEqualTo(COMPLETED);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void fixtureImmutableFilesRoundTripThroughAnIndependentReader(ArchiveSettings settings) throws Exception {
        FileArchive archive = new FileArchiver(settings, verification)
                .archive(db, FileArchiver.completedImmutableFiles(db), snapshots, "devnet-e13-i2.abcd");

        String extension = settings.algorithm().tarFileExtension();
        assertThat(archive.path()).isEqualTo(snapshots.resolve("devnet-e13-i2.abcd." + extension));
        assertThat(archive.algorithm()).isEqualTo(settings.algorithm());
        assertThat(archive.archiveSize()).isEqualTo(Files.size(archive.path()));
        long expectedUncompressed = 0;
        for (String name : COMPLETED) expectedUncompressed += Files.size(db.resolve(name));
        assertThat(archive.uncompressedSize()).isEqualTo(expectedUncompressed);
        assertThat(archive.archiveSize()).isLessThan(expectedUncompressed);
        assertThat(listing(snapshots)).containsExactly("devnet-e13-i2.abcd." + extension);
        assertThat(listing(verification)).isEmpty();

        List<String> names = new ArrayList<>();
        try (InputStream in = decoder(settings.algorithm(), Files.newInputStream(archive.path()));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
                assertThat(e.getExtraPaxHeaders())
                        .as("PAX records of " + e.getName())
                        .isEmpty();
                assertThat(tar.readAllBytes()).as(e.getName()).isEqualTo(Files.readAllBytes(db.resolve(e.getName())));
            }
        }
        assertThat(names).isEqualTo(COMPLETED);
    }

    @ParameterizedTest
    @MethodSource("settings")
    void systemTarAndZstdUnpackTheArchive(ArchiveSettings settings) throws Exception {
        assumeThat(onPath("tar")).as("tar installed").isTrue();
        assumeThat(settings.algorithm() == CompressionAlgorithm.GZIP || onPath("zstd"))
                .as("zstd installed")
                .isTrue();
        FileArchive archive = new FileArchiver(settings, verification)
                .archive(db, FileArchiver.completedImmutableFiles(db), snapshots, "devnet-e13-i2.abcd");
        String program = settings.algorithm() == CompressionAlgorithm.GZIP ? "gzip" : "zstd";
        Path out = Files.createDirectories(temp.resolve("unpacked"));

        assertThat(run(
                        "tar",
                        "--use-compress-program=" + program,
                        "-tf",
                        archive.path().toString()))
                .isEqualTo(String.join("\n", COMPLETED) + "\n");
        run("tar", "--use-compress-program=" + program, "-xf", archive.path().toString(), "-C", out.toString());
        for (String name : COMPLETED) {
            assertThat(out.resolve(name)).as(name).hasSameBinaryContentAs(db.resolve(name));
        }
        assertThat(listing(out.resolve("immutable"))).hasSize(COMPLETED.size());
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aCorruptedTemporaryArchiveFailsVerificationAndNothingIsPublished(ArchiveSettings settings) {
        // flips one byte well inside the compressed stream, after the headers
        FileArchiver archiver = FaultyArchivers.corrupting(settings, verification, 2_000);

        assertThatThrownBy(() -> archiver.archive(db, COMPLETED, snapshots, "corrupt"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.VERIFICATION_FAILED);
                    assertThat(e.archive())
                            .isEqualTo(snapshots.resolve(
                                    "corrupt." + settings.algorithm().tarFileExtension()));
                    assertThat(e)
                            .hasMessageContaining(
                                    "corrupt." + settings.algorithm().tarFileExtension());
                });
        assertThat(listing(snapshots)).isEmpty();
        assertThat(listing(verification)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aFullDiskFailsTheArchiveAndRemovesTheTemporaryFile(ArchiveSettings settings) {
        FileArchiver archiver = FaultyArchivers.fullDisk(settings, verification, 0, 20_000);

        assertThatThrownBy(() -> archiver.archive(db, COMPLETED, snapshots, "full"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.WRITE_FAILED);
                    assertThat(e)
                            .hasMessageContaining("full." + settings.algorithm().tarFileExtension());
                    assertThat(e).hasMessageContaining("No space left on device");
                });
        assertThat(listing(snapshots)).isEmpty();
    }

    @Test
    void aVerificationDirectoryThatCanNotBeCreatedFailsAndNothingIsPublished() throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("verification-file"), "a file, not a directory");

        assertThatThrownBy(() -> new FileArchiver(ArchiveSettings.zstandard(3, 0), notADirectory)
                        .archive(db, COMPLETED, snapshots, "unverifiable"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.VERIFICATION_FAILED);
                    assertThat(e).hasMessageContaining("unverifiable.tar.zst").hasMessageContaining("to unpack it");
                });
        assertThat(listing(snapshots)).isEmpty();
    }

    @Test
    void aMissingSourceFileFailsNamingTheFile() throws IOException {
        Path missing = db.resolve("immutable/00001.primary");
        Files.delete(missing);

        assertThatThrownBy(() -> new FileArchiver(ArchiveSettings.defaults(), verification)
                        .archive(db, COMPLETED, snapshots, "missing"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_SOURCE);
                    assertThat(e.file()).isEqualTo(missing);
                    assertThat(e).hasMessageContaining(missing.toString()).hasMessageContaining("is missing");
                });
        assertThat(listing(snapshots)).isEmpty();
    }

    @Test
    void anUnreadableSourceFileFailsNamingTheFile() throws IOException {
        Path unreadable = db.resolve("immutable/00002.chunk");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(unreadable)).as("not running as root").isFalse();

        assertThatThrownBy(() -> new FileArchiver(ArchiveSettings.gzip(), verification)
                        .archive(db, COMPLETED, snapshots, "unreadable"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_SOURCE);
                    assertThat(e.file()).isEqualTo(unreadable);
                    assertThat(e).hasMessageContaining(unreadable.toString());
                });
        assertThat(listing(snapshots)).isEmpty();
    }

    @Test
    void aDirectoryWhereAFileIsExpectedFailsNamingIt() throws IOException {
        Path directory = Files.createDirectories(db.resolve("ledger"));

        assertThatThrownBy(() -> new FileArchiver(ArchiveSettings.gzip(), verification)
                        .archive(db, List.of("immutable/00000.chunk", "ledger"), snapshots, "dir"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_SOURCE);
                    assertThat(e.file()).isEqualTo(directory);
                    assertThat(e).hasMessageContaining("is not a regular file");
                });
        assertThat(listing(snapshots)).isEmpty();
    }

    @Test
    void aFailureLeavesAnEarlierArchiveOfTheSameNameUntouched() throws IOException {
        Files.createDirectories(snapshots);
        Path earlier = Files.writeString(snapshots.resolve("same.tar.gz"), "earlier archive");
        Files.writeString(snapshots.resolve("other-process.file"), "not ours");
        Files.delete(db.resolve("immutable/00002.secondary"));

        assertThatThrownBy(() -> new FileArchiver(ArchiveSettings.gzip(), verification)
                        .archive(db, COMPLETED, snapshots, "same"))
                .isInstanceOf(ArchiveException.class);
        assertThat(listing(snapshots)).containsExactlyInAnyOrder("same.tar.gz", "other-process.file");
        assertThat(earlier).hasContent("earlier archive");
    }

    @Test
    void pathsOutsideTheSourceRootAndEmptyListsAreRefused() {
        FileArchiver archiver = new FileArchiver(ArchiveSettings.gzip(), verification);
        for (String bad : List.of("../etc/passwd", "/etc/passwd", "immutable/../../x", "", "immutable//00000.chunk")) {
            assertThatThrownBy(() -> archiver.archive(db, List.of(bad), snapshots, "bad"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ArchiveException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT));
        }
        assertThatThrownBy(() -> archiver.archive(db, List.of(), snapshots, "empty"))
                .isInstanceOfSatisfying(ArchiveException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
                    assertThat(e).hasMessageContaining("no file to archive");
                });
        assertThat(snapshots).doesNotExist();
    }

    private static InputStream decoder(CompressionAlgorithm algorithm, InputStream in) throws IOException {
        return switch (algorithm) {
            case GZIP -> new GZIPInputStream(in);
            case ZSTANDARD -> new ZstdInputStream(in);
        };
    }

    private static List<String> listing(Path directory) {
        if (!Files.exists(directory)) return List.of();
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("tar", ".err");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + errors)
                .isZero();
        assertThat(errors).as("warnings of " + String.join(" ", command)).isEmpty();
        return output;
    }

    @Test
    void zstdJobsAreSmallOnlyWithWorkersAndWhereTheWindowFitsInOne() {
        assertThat(FileArchiver.zstdJobSize(9, 4)).isEqualTo(4 << 20);
        assertThat(FileArchiver.zstdJobSize(16, 2)).isEqualTo(4 << 20);
        assertThat(FileArchiver.zstdJobSize(17, 4))
                .as("8 MiB window: zstd's own job size")
                .isZero();
        assertThat(FileArchiver.zstdJobSize(22, 4)).isZero();
        assertThat(FileArchiver.zstdJobSize(9, 0)).as("no workers, no jobs").isZero();
    }
}
