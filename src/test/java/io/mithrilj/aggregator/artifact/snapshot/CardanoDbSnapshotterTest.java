package io.mithrilj.aggregator.artifact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.mithrilj.aggregator.artifact.archive.ArchiveSettings;
import io.mithrilj.aggregator.artifact.archive.CompressionAlgorithm;
import io.mithrilj.aggregator.artifact.archive.FaultyArchivers;
import io.mithrilj.aggregator.artifact.archive.FileArchive;
import io.mithrilj.aggregator.artifact.archive.FileArchiver;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The snapshotter on upstream's real immutable trios 0 to 3 (cardano-test-data/immutable) and hand-made ledger
 * snapshots of both layouts, signing with the e2e key pair of artifacts.md §6.4.
 */
class CardanoDbSnapshotterTest {
    private static final HexFormat HEX = HexFormat.of();
    static final ArchiveSettings FAST_ZSTD = ArchiveSettings.zstandard(3, 0);
    static final AncillarySigner SIGNER =
            AncillarySigner.fromConfig(AncillarySignerTest.secretKeyConfig(AncillarySignerTest.SECRET_KEY_JSON_HEX));

    @TempDir
    Path temp;

    Path db;
    Path snapshots;
    Path work;
    Path verification;
    Path target;

    @BeforeEach
    void copyFixtureDatabase() throws IOException {
        db = temp.resolve("db");
        snapshots = temp.resolve("snapshots");
        work = temp.resolve("work");
        verification = temp.resolve("verification");
        target = temp.resolve("target");
        copyFixtureDatabase(db);
    }

    /** Upstream's immutable trios 0 to 3 under {@code db/immutable}, and an empty {@code db/ledger}. */
    static void copyFixtureDatabase(Path db) throws IOException {
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        try (Stream<Path> files = Files.list(UpstreamReference.cardanoTestData("immutable"))) {
            for (Path f : files.toList()) Files.copy(f, immutable.resolve(f.getFileName()));
        }
        Files.createDirectories(db.resolve("ledger"));
    }

    private CardanoDbSnapshotter snapshotter(FileArchiver archiver) {
        return new CardanoDbSnapshotter(archiver, db, snapshots, SIGNER, work);
    }

    private CardanoDbSnapshotter snapshotter() {
        return snapshotter(new FileArchiver(FAST_ZSTD, verification));
    }

    private Path storage() {
        return snapshots.resolve("cardano-database/immutable");
    }

    // -- base names -------------------------------------------------------------------------------------------------

    @Test
    void baseNamesAreUpstreams() {
        assertThat(CardanoDbSnapshotter.cardanoDatabaseBaseName("devnet", 17, 4))
                .isEqualTo("devnet-e17-i4");
        assertThat(CardanoDbSnapshotter.legacyBaseName("devnet", 13, 2, "05cb51df"))
                .isEqualTo("devnet-e13-i2.05cb51df");
        assertThat(CardanoDbSnapshotter.trioName(4)).isEqualTo("00004");
        assertThat(CardanoDbSnapshotter.trioName(123456)).isEqualTo("123456");
    }

    // -- per-trio archives ------------------------------------------------------------------------------------------

    @Test
    void immutableArchivesHoldOneTrioEachWithUpstreamsSizes() throws Exception {
        ImmutableArchives result = snapshotter().immutableArchives(2);

        assertThat(result.archives())
                .containsExactly(
                        storage().resolve("00000.tar.zst"),
                        storage().resolve("00001.tar.zst"),
                        storage().resolve("00002.tar.zst"));
        for (int n = 0; n <= 2; n++) {
            String trio = CardanoDbSnapshotter.trioName(n);
            assertThat(entries(result.archives().get(n)))
                    .containsExactly(
                            Map.entry("immutable/" + trio + ".chunk", dbFile("immutable/" + trio + ".chunk")),
                            Map.entry("immutable/" + trio + ".primary", dbFile("immutable/" + trio + ".primary")),
                            Map.entry("immutable/" + trio + ".secondary", dbFile("immutable/" + trio + ".secondary")));
        }
        // trios 1 and 2 only: (86272 + 409 + 5600) + (86396 + 409 + 5600); trio 0 is not counted
        assertThat(result.totalSizeUncompressed()).isEqualTo(184_686);
        assertThat(result.averageSizeUncompressed()).isEqualTo(92_343);
        assertThat(result.compressionAlgorithm()).isEqualTo(CompressionAlgorithm.ZSTANDARD);
        assertThat(listing(storage())).containsExactlyInAnyOrder("00000.tar.zst", "00001.tar.zst", "00002.tar.zst");
    }

    @Test
    void gzipArchivesAreNamedAfterTheirCompression() throws Exception {
        ImmutableArchives result = snapshotter(new FileArchiver(ArchiveSettings.gzip(), verification))
                .immutableArchives(1);

        assertThat(result.archives())
                .containsExactly(storage().resolve("00000.tar.gz"), storage().resolve("00001.tar.gz"));
        assertThat(entries(result.archives().get(1))).containsKey("immutable/00001.chunk");
        assertThat(result.averageSizeUncompressed()).isEqualTo(86272 + 409 + 5600);
    }

    @Test
    void anArchiveAlreadyInTheStorageIsReusedNotRebuilt() throws Exception {
        Path existing = Files.createDirectories(storage()).resolve("00001.tar.zst");
        Files.writeString(existing, "already archived and uploaded");

        snapshotter().immutableArchives(2);
        assertThat(Files.readString(existing)).isEqualTo("already archived and uploaded");

        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (String name : List.of("00000.tar.zst", "00002.tar.zst")) {
            Files.setLastModifiedTime(storage().resolve(name), old);
        }
        ImmutableArchives next = snapshotter().immutableArchives(3);

        assertThat(next.archives()).hasSize(4);
        assertThat(Files.getLastModifiedTime(storage().resolve("00000.tar.zst")))
                .isEqualTo(old);
        assertThat(Files.getLastModifiedTime(storage().resolve("00002.tar.zst")))
                .isEqualTo(old);
        assertThat(entries(storage().resolve("00003.tar.zst"))).containsKey("immutable/00003.secondary");
    }

    @Test
    void immutableFileNumberZeroIsAnErrorAndBuildsNothing() {
        assertThatThrownBy(() -> snapshotter().immutableArchives(0))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("could not compute the total size without immutable files");
        assertThat(listing(storage())).isEmpty();
    }

    @Test
    void aMissingTrioMemberBelowTheBeaconFailsNamingItAndNothingIsBuilt() throws IOException {
        Path missing = db.resolve("immutable/00001.secondary");
        Files.delete(missing);

        assertThatThrownBy(() -> snapshotter().immutableArchives(2))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("immutable file '" + missing + "' (at or below immutable file number 2) is missing")
                .hasMessageNotContaining("\n");
        assertThat(listing(storage())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aFullDiskWhileArchivingRemovesTheArchivesBuiltByTheCall(int parallelism) throws IOException {
        Path reused = Files.createDirectories(storage()).resolve("00000.tar.zst");
        Files.writeString(reused, "reused");
        FileArchiver fullAfterOne = FaultyArchivers.fullDisk(FAST_ZSTD, verification, 1, 5_000);
        CardanoDbSnapshotter snapshotter = new CardanoDbSnapshotter(
                fullAfterOne, db, snapshots, SIGNER, work, (s, t) -> Files.copy(s, t), parallelism);

        assertThatThrownBy(() -> snapshotter.immutableArchives(3))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("immutable trio 0000")
                .hasMessageContaining("No space left on device")
                .hasMessageNotContaining("\n");
        assertThat(listing(storage())).containsExactly("00000.tar.zst");
        assertThat(Files.readString(reused)).isEqualTo("reused");
    }

    @Test
    void aCorruptTrioArchiveFailsVerificationAndIsNotKept() {
        FileArchiver corrupting = FaultyArchivers.corrupting(FAST_ZSTD, verification, 2_000);

        assertThatThrownBy(() -> snapshotter(corrupting).immutableArchives(1))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("00000.tar.zst")
                .hasMessageNotContaining("\n");
        assertThat(listing(storage())).isEmpty();
    }

    // -- ancillary archive ------------------------------------------------------------------------------------------

    @Test
    void ancillaryArchiveOfLegacyLedgerSnapshots() throws Exception {
        writeDb("ledger/100", "oldest ledger state");
        writeDb("ledger/200", "previous ledger state");
        writeDb("ledger/300", "latest ledger state");
        writeDb("ledger/notes.txt", "not a snapshot");
        writeDb("ledger/400/meta", "a directory without the in-memory layout is not a snapshot");

        FileArchive archive = snapshotter().ancillaryArchive("devnet-e13-i2", 2, target);

        assertThat(archive.path()).isEqualTo(target.resolve("devnet-e13-i2.ancillary.tar.zst"));
        LinkedHashMap<String, byte[]> entries = entries(archive.path());
        assertThat(entries.keySet())
                .containsExactly(
                        "immutable/00003.chunk",
                        "immutable/00003.primary",
                        "immutable/00003.secondary",
                        "ledger/300",
                        "ledger/200",
                        "ancillary_manifest.json");
        assertManifestSignsTheArchivedFiles(
                entries,
                List.of(
                        "immutable/00003.chunk",
                        "immutable/00003.primary",
                        "immutable/00003.secondary",
                        "ledger/200",
                        "ledger/300"));
        assertThat(archive.uncompressedSize())
                .isEqualTo(entries.values().stream().mapToLong(b -> b.length).sum());
        assertThat(listing(work)).isEmpty();
    }

    @Test
    void ancillaryArchiveOfInMemoryLedgerSnapshotsLatestFirst() throws Exception {
        for (String slot : List.of("400", "500")) {
            writeDb("ledger/" + slot + "/meta", "meta of " + slot);
            writeDb("ledger/" + slot + "/state", "state of " + slot);
            writeDb("ledger/" + slot + "/tables/tvar", "tvar of " + slot);
        }
        writeDb("ledger/450", "a legacy snapshot between them");
        writeDb("ledger/600/meta", "no tables/tvar: not a snapshot");
        writeDb("ledger/600/state", "no tables/tvar: not a snapshot");
        Files.createDirectories(db.resolve("ledger/600/tables"));

        FileArchive archive = snapshotter().ancillaryArchive("devnet-e17-i2", 2, target);

        LinkedHashMap<String, byte[]> entries = entries(archive.path());
        assertThat(entries.keySet())
                .containsExactly(
                        "immutable/00003.chunk",
                        "immutable/00003.primary",
                        "immutable/00003.secondary",
                        "ledger/500/meta",
                        "ledger/500/state",
                        "ledger/500/tables/tvar",
                        "ledger/450",
                        "ancillary_manifest.json");
        assertThat(new String(entries.get("ledger/500/tables/tvar"), StandardCharsets.UTF_8))
                .isEqualTo("tvar of 500");
        // in manifest order "ledger/450" sorts before the components of "ledger/500"
        assertManifestSignsTheArchivedFiles(
                entries,
                List.of(
                        "immutable/00003.chunk",
                        "immutable/00003.primary",
                        "immutable/00003.secondary",
                        "ledger/450",
                        "ledger/500/meta",
                        "ledger/500/state",
                        "ledger/500/tables/tvar"));
        assertThat(listing(work)).isEmpty();
    }

    @Test
    void noLedgerSnapshotIsAnErrorAndLeavesNothing() throws IOException {
        writeDb("ledger/notes.txt", "not a snapshot");

        assertThatThrownBy(() -> snapshotter().ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("no ledger state snapshot found in the ledger directory '" + db.resolve("ledger") + "'");
        assertNothingLeftBehind();
    }

    @Test
    void aMissingLedgerDirectoryIsAnError() throws IOException {
        Files.delete(db.resolve("ledger"));

        assertThatThrownBy(() -> snapshotter().ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("'" + db.resolve("ledger") + "' is missing");
        assertNothingLeftBehind();
    }

    @Test
    void aMissingLastTrioIsAnErrorNamingTheFile() throws IOException {
        writeDb("ledger/300", "latest ledger state");

        // trio 00004 (N+1) does not exist
        assertThatThrownBy(() -> snapshotter().ancillaryArchive("devnet-e13-i3", 3, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("can not copy '" + db.resolve("immutable/00004.chunk") + "'")
                .hasMessageEndingWith("for the ancillary archive: it is missing");
        assertNothingLeftBehind();
    }

    @Test
    void anUnreadableLedgerFileFailsNamingIt() throws IOException {
        writeDb("ledger/300", "latest ledger state");
        Path unreadable = db.resolve("ledger/300");
        CardanoDbSnapshotter snapshotter = withCopier((source, copy) -> {
            if (source.equals(unreadable)) throw new AccessDeniedException(source.toString());
            Files.copy(source, copy);
        });

        assertThatThrownBy(() -> snapshotter.ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("can not copy '" + unreadable + "'")
                .hasMessageEndingWith("permission denied on '" + unreadable + "'");
        assertNothingLeftBehind();
    }

    @Test
    void aDirectoryWhereALedgerFileIsExpectedFailsNamingIt() throws IOException {
        writeDb("ledger/500/meta", "meta");
        writeDb("ledger/500/state", "state");
        Files.createDirectories(db.resolve("ledger/500/tables/tvar"));

        assertThatThrownBy(() -> snapshotter().ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("can not copy '" + db.resolve("ledger/500/tables/tvar")
                        + "' for the ancillary archive: it is not a regular file");
        assertNothingLeftBehind();
    }

    @Test
    void aLedgerFileWithoutReadPermissionFailsNamingIt() throws IOException {
        writeDb("ledger/300", "latest ledger state");
        Path unreadable = db.resolve("ledger/300");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(unreadable)).as("not running as root").isFalse();

        assertThatThrownBy(() -> snapshotter().ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("can not copy '" + unreadable + "'")
                .hasMessageContaining("permission denied");
        assertNothingLeftBehind();
    }

    @Test
    void aFullWorkDiskWhileCopyingLeavesNothing() throws IOException {
        writeDb("ledger/200", "previous ledger state");
        writeDb("ledger/300", "latest ledger state");
        AtomicInteger copies = new AtomicInteger();
        CardanoDbSnapshotter snapshotter = withCopier((source, copy) -> {
            Files.copy(source, copy);
            if (copies.incrementAndGet() == 4)
                throw new FileSystemException(copy.toString(), null, "No space left on device");
        });

        assertThatThrownBy(() -> snapshotter.ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("can not copy '" + db.resolve("ledger/300") + "'")
                .hasMessageEndingWith(": No space left on device");
        assertNothingLeftBehind();
    }

    @Test
    void aFullTargetDiskWhileArchivingTheAncillaryLeavesNothing() throws IOException {
        writeDb("ledger/300", "latest ledger state");
        FileArchiver full = FaultyArchivers.fullDisk(FAST_ZSTD, verification, 0, 1_000);

        assertThatThrownBy(() -> snapshotter(full).ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("devnet-e13-i2.ancillary.tar.zst")
                .hasMessageContaining("No space left on device")
                .hasMessageNotContaining("\n");
        assertNothingLeftBehind();
    }

    @Test
    void aSignerThatFailsLeavesNothing() throws IOException {
        writeDb("ledger/300", "latest ledger state");
        AncillarySigner broken = new AncillarySigner() {
            @Override
            public byte[] sign(byte[] manifestHash) {
                return new byte[10];
            }

            @Override
            public Ed25519VerificationKey verificationKey() {
                return SIGNER.verificationKey();
            }
        };
        CardanoDbSnapshotter snapshotter =
                new CardanoDbSnapshotter(new FileArchiver(FAST_ZSTD, verification), db, snapshots, broken, work);

        assertThatThrownBy(() -> snapshotter.ancillaryArchive("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("the ancillary signer returned 10 bytes instead of 64");
        assertNothingLeftBehind();
    }

    // -- digests ----------------------------------------------------------------------------------------------------

    @Test
    void digestsFileIsTheReferenceBytesAndIsArchivedAloneAtTheRoot() throws Exception {
        // the 12 fixture files' digests, in no particular order (artifacts.md §8.4)
        Map<String, String> digests = new HashMap<>();
        try (Stream<Path> files = Files.list(db.resolve("immutable"))) {
            for (Path f : files.toList()) {
                digests.put(f.getFileName().toString(), sha256Hex(Files.readAllBytes(f)));
            }
        }

        byte[] json = CardanoDbSnapshotter.digestsJson(digests);
        FileArchive archive = snapshotter().digestsArchive("devnet-e13-i3", digests, target);

        assertThat(json).hasSize(1393);
        assertThat(sha256Hex(json)).isEqualTo("af08d00d1c5618cfef9ea700201a44b448785e3ac74fd4f456408537e5b49b59");
        assertThat(new String(json, StandardCharsets.UTF_8))
                .startsWith("[{\"immutable_file_name\":\"00000.chunk\",\"digest\":\"dd65d0b1");
        assertThat(archive.path()).isEqualTo(target.resolve("devnet-e13-i3.digests.tar.zst"));
        assertThat(entries(archive.path())).containsOnlyKeys("devnet-e13-i3.digests.json");
        assertThat(entries(archive.path()).get("devnet-e13-i3.digests.json")).isEqualTo(json);
        assertThat(archive.uncompressedSize()).isEqualTo(1393);
        assertThat(listing(target)).containsExactly("devnet-e13-i3.digests.tar.zst");
        assertThat(listing(work)).isEmpty();
    }

    @Test
    void digestsFileSizeIsOnePlus348PerTrio() {
        Map<String, String> digests = new HashMap<>();
        assertThat(CardanoDbSnapshotter.digestsJson(digests)).isEqualTo("[]".getBytes(StandardCharsets.UTF_8));
        for (int k = 1; k <= 12; k++) {
            for (String extension : List.of("chunk", "primary", "secondary")) {
                digests.put(CardanoDbSnapshotter.trioName(k * 7L) + "." + extension, sha256Hex(new byte[] {(byte) k}));
            }
            assertThat(CardanoDbSnapshotter.digestsJson(digests)).as("k = " + k).hasSize(1 + 348 * k);
        }
    }

    @Test
    void digestsAreSortedByFileNameBytes() {
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("00010.chunk", "c");
        digests.put("00002.secondary", "b");
        digests.put("00002.chunk", "a");

        assertThat(new String(CardanoDbSnapshotter.digestsJson(digests), StandardCharsets.UTF_8))
                .isEqualTo("[{\"immutable_file_name\":\"00002.chunk\",\"digest\":\"a\"},"
                        + "{\"immutable_file_name\":\"00002.secondary\",\"digest\":\"b\"},"
                        + "{\"immutable_file_name\":\"00010.chunk\",\"digest\":\"c\"}]");
    }

    @Test
    void aFullDiskWhileArchivingTheDigestsLeavesNothing() {
        FileArchiver full = FaultyArchivers.fullDisk(FAST_ZSTD, verification, 0, 10);

        assertThatThrownBy(() -> snapshotter(full).digestsArchive("devnet-e13-i3", Map.of("00000.chunk", "a"), target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("devnet-e13-i3.digests.tar.zst")
                .hasMessageContaining("No space left on device");
        assertNothingLeftBehind();
    }

    // -- legacy full snapshot ---------------------------------------------------------------------------------------

    @Test
    void legacySnapshotArchivesHoldTheCompletedImmutablesAndTheAncillary() throws Exception {
        writeDb("ledger/300", "latest ledger state");
        String base = CardanoDbSnapshotter.legacyBaseName("devnet", 13, 2, "05cb51df");

        LegacySnapshotArchives archives = snapshotter().legacySnapshotArchives(base, 2, target);

        assertThat(archives.immutables().path()).isEqualTo(target.resolve("devnet-e13-i2.05cb51df.tar.zst"));
        assertThat(archives.ancillary().path()).isEqualTo(target.resolve("devnet-e13-i2.05cb51df.ancillary.tar.zst"));
        List<String> completed = new ArrayList<>();
        for (int n = 0; n <= 2; n++) {
            for (String extension : List.of("chunk", "primary", "secondary")) {
                completed.add("immutable/0000" + n + "." + extension);
            }
        }
        assertThat(entries(archives.immutables().path()).keySet()).containsExactlyElementsOf(completed);
        assertThat(entries(archives.ancillary().path()).keySet())
                .containsExactly(
                        "immutable/00003.chunk",
                        "immutable/00003.primary",
                        "immutable/00003.secondary",
                        "ledger/300",
                        "ancillary_manifest.json");
        assertThat(archives.immutables().archiveSize())
                .isEqualTo(Files.size(archives.immutables().path()));
    }

    @Test
    void aFailingLegacyAncillaryRemovesTheImmutablesArchive() {
        assertThatThrownBy(() -> snapshotter().legacySnapshotArchives("devnet-e13-i2.abcd", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("no ledger state snapshot found");
        assertNothingLeftBehind();
    }

    @Test
    void staleTemporaryDirectoriesAreRemoved() throws IOException {
        Files.createDirectories(work.resolve("temp-ancillary-123/ledger"));
        Files.writeString(work.resolve("temp-ancillary-123/ledger/1"), "left by a crash");
        Files.createDirectories(work.resolve("temp-digests-456"));
        Files.writeString(work.resolve("kept.txt"), "not ours");

        snapshotter().removeStaleTemporaryDirectories();

        assertThat(listing(work)).containsExactly("kept.txt");
    }

    // -- helpers ----------------------------------------------------------------------------------------------------

    private CardanoDbSnapshotter withCopier(CardanoDbSnapshotter.FileCopier copier) {
        return new CardanoDbSnapshotter(
                new FileArchiver(FAST_ZSTD, verification), db, snapshots, SIGNER, work, copier, 2);
    }

    /** The manifest lists the given files with their SHA-256, in that order, and its signature verifies. */
    private static void assertManifestSignsTheArchivedFiles(Map<String, byte[]> entries, List<String> manifestOrder)
            throws Exception {
        byte[] manifestBytes = entries.get("ancillary_manifest.json");
        JsonNode manifest = new ObjectMapper().readTree(manifestBytes);
        List<String> keys = new ArrayList<>();
        manifest.get("data").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(manifestOrder);

        MessageDigest hash = MessageDigest.getInstance("SHA-256");
        StringBuilder expectedJson = new StringBuilder("{\"data\":{");
        for (Iterator<String> it = manifestOrder.iterator(); it.hasNext(); ) {
            String path = it.next();
            String digest = sha256Hex(entries.get(path));
            assertThat(manifest.get("data").get(path).textValue()).as(path).isEqualTo(digest);
            hash.update((path + digest).getBytes(StandardCharsets.UTF_8));
            expectedJson.append('"').append(path).append("\":\"").append(digest).append('"');
            if (it.hasNext()) expectedJson.append(',');
        }
        String signature = manifest.get("signature").textValue();
        assertThat(Ed25519VerificationKey.fromBytesHex(AncillarySignerTest.PUBLIC_KEY_HEX)
                        .isValid(hash.digest(), Ed25519Signature.fromBytesHex(signature)))
                .as("manifest signature verifies with the ancillary verification key")
                .isTrue();
        expectedJson.append("},\"signature\":\"").append(signature).append("\"}");
        assertThat(new String(manifestBytes, StandardCharsets.UTF_8)).isEqualTo(expectedJson.toString());
    }

    private void writeDb(String relative, String content) throws IOException {
        Path file = db.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private byte[] dbFile(String relative) throws IOException {
        return Files.readAllBytes(db.resolve(relative));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The entries of an archive, in archive order, with their content. */
    private static LinkedHashMap<String, byte[]> entries(Path archive) throws IOException {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(archive);
                InputStream decompressed =
                        archive.toString().endsWith(".tar.gz") ? new GZIPInputStream(file) : new ZstdInputStream(file);
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }

    private static List<String> listing(Path directory) {
        if (!Files.exists(directory)) return List.of();
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A failed step leaves nothing in its target directory nor in the work directory. */
    private void assertNothingLeftBehind() {
        assertThat(listing(target)).isEmpty();
        assertThat(listing(work)).isEmpty();
    }
}
