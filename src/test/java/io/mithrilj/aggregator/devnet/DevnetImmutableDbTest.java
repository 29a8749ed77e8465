package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigesterException;
import io.mithrilj.aggregator.cardano.immutable.ImmutableFileSystemObserver;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevnetImmutableDbTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Epochs of 30 slots from epoch 5, 3 files per epoch: a trio every 10 slots. */
    private static final SimulatedChain.Settings SETTINGS = new SimulatedChain.Settings(START, 5, 30, 10, 3);

    private static final DevnetImmutableDb.Layout SMALL =
            new DevnetImmutableDb.Layout(4096, 1024, DevnetImmutableDb.LedgerFormat.LEGACY, 50);

    @TempDir
    Path dir;

    private static SimulatedChain chain(DevnetClock clock) {
        return new SimulatedChain(SETTINGS, clock, Map.of("pool1a", 10L));
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> trioNames(long from, long to) {
        List<String> names = new ArrayList<>();
        for (long n = from; n <= to; n++) {
            for (String ext : List.of("chunk", "primary", "secondary")) {
                names.add(DevnetImmutableDb.fileName(n, ext));
            }
        }
        return names.stream().sorted().toList();
    }

    /** File name to SHA-256 hex of every file under {@code immutable/} and {@code ledger/}. */
    private static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("immutable") || rel.startsWith("ledger")) {
                    digests.put(
                            rel,
                            HexFormat.of()
                                    .formatHex(
                                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                }
            }
        }
        return digests;
    }

    @Test
    void writesTriosZeroToNPlusOneAsTheChainAdvancesAndNoTemporaryFileStays() throws IOException {
        DevnetClock clock = new DevnetClock(START.plusSeconds(5));
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);

        // a new database starts with trio 0 complete and trio 1 being written
        assertThat(db.lastImmutableFileNumber()).isZero();
        assertThat(names(dir.resolve("immutable"))).isEqualTo(trioNames(0, 1));

        clock.advance(Duration.ofSeconds(42)); // 4 trios further
        TimePoint point = db.timePoint();
        assertThat(point.immutableFileNumber()).isEqualTo(4);
        assertThat(point.epoch()).isEqualTo(Epoch.of((150 + 47) / 30));
        assertThat(point.chainPoint().slotNumber()).isEqualTo(150 + 47);
        assertThat(names(dir.resolve("immutable"))).isEqualTo(trioNames(0, 5));
        assertThat(names(dir.resolve(DevnetImmutableDb.TEMP_DIR))).isEmpty();
        assertThat(Files.readString(dir.resolve(DevnetImmutableDb.ORIGIN_FILE))).contains("origin_slot=140");

        // complete trios have their final bytes, the one being written is a strict prefix of its own
        for (String ext : List.of("chunk", "primary", "secondary")) {
            assertThat(Files.readAllBytes(dir.resolve("immutable").resolve(DevnetImmutableDb.fileName(4, ext))))
                    .isEqualTo(db.trioContent(4, ext));
            byte[] growing = Files.readAllBytes(dir.resolve("immutable").resolve(DevnetImmutableDb.fileName(5, ext)));
            byte[] full = db.trioContent(5, ext);
            assertThat(growing.length).isBetween(1, full.length - 1);
            assertThat(full).startsWith(growing);
        }
    }

    @Test
    void theTrioBeingWrittenGrowsThenCompletes() throws IOException {
        DevnetClock clock = new DevnetClock(START);
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        db.lastImmutableFileNumber();
        Path chunk1 = dir.resolve("immutable/00001.chunk");
        long before = Files.size(chunk1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(db.lastImmutableFileNumber()).isZero();
        assertThat(Files.size(chunk1)).isGreaterThan(before);
        clock.advance(Duration.ofSeconds(4));
        assertThat(db.lastImmutableFileNumber()).isEqualTo(1);
        assertThat(Files.readAllBytes(chunk1)).isEqualTo(db.trioContent(1, "chunk"));
    }

    @Test
    void theFileSystemObserverOverTheWrittenDirectoryReportsTheSameNumber() {
        DevnetClock clock = new DevnetClock(START);
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        ImmutableFileSystemObserver observer = new ImmutableFileSystemObserver(dir);
        for (int i = 0; i < 40; i++) {
            long reported = db.lastImmutableFileNumber();
            assertThat(observer.lastImmutableFileNumber())
                    .as("after %d s", i * 3)
                    .isEqualTo(reported);
            clock.advance(Duration.ofSeconds(3));
        }
        assertThat(db.lastImmutableFileNumber()).isEqualTo(12);
    }

    @Test
    void aReaderNeverSeesAPartialFile() throws Exception {
        // every file appears whole: the sizes seen are those of the expected prefix or full content, never between
        DevnetClock clock = new DevnetClock(START);
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        db.lastImmutableFileNumber();
        AtomicBoolean done = new AtomicBoolean();
        Map<String, byte[]> expected = new java.util.HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int checked = 0;
                while (!done.get()) {
                    try (Stream<Path> files = Files.list(dir.resolve("immutable"))) {
                        for (Path p : files.toList()) {
                            String name = p.getFileName().toString();
                            byte[] full = expected.computeIfAbsent(
                                    name, k -> db.trioContent(Long.parseLong(k.substring(0, 5)), k.substring(6)));
                            byte[] seen;
                            try {
                                seen = Files.readAllBytes(p);
                            } catch (java.nio.file.NoSuchFileException replaced) {
                                continue;
                            }
                            assertThat(full).as(name).startsWith(seen);
                            assertThat(seen.length).as(name).isPositive();
                            checked++;
                        }
                    }
                }
                return checked;
            });
            for (int i = 0; i < 100; i++) {
                clock.advance(Duration.ofSeconds(1));
                db.lastImmutableFileNumber();
            }
            done.set(true);
            assertThat(reader.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(names(dir.resolve(DevnetImmutableDb.TEMP_DIR))).isEmpty();
    }

    @Test
    void contentIsDeterministicARebuiltDatabaseHasTheSameDigests() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path first = Files.createDirectory(dir.resolve("first"));
        DevnetImmutableDb a = new DevnetImmutableDb(first, chain(new DevnetClock(START.plusSeconds(95))), SMALL);
        DevnetImmutableDb b = new DevnetImmutableDb(other, chain(new DevnetClock(START.plusSeconds(95))), SMALL);
        assertThat(a.lastImmutableFileNumber()).isEqualTo(b.lastImmutableFileNumber());
        assertThat(digests(first)).isEqualTo(digests(other)).isNotEmpty();
        // and files differ from one number to the next
        assertThat(a.trioContent(1, "chunk")).isNotEqualTo(a.trioContent(2, "chunk"));
        assertThat(a.trioContent(1, "chunk")).isEqualTo(b.trioContent(1, "chunk"));
    }

    @Test
    void aRestartContinuesTheDatabaseWithoutRewritingItsFiles() throws Exception {
        DevnetClock clock = new DevnetClock(START);
        new DevnetImmutableDb(dir, chain(clock), SMALL).lastImmutableFileNumber();
        clock.advance(Duration.ofSeconds(30));
        assertThat(new DevnetImmutableDb(dir, chain(clock), SMALL).lastImmutableFileNumber())
                .isEqualTo(3);
        Path chunk2 = dir.resolve("immutable/00002.chunk");
        var modified = Files.getLastModifiedTime(chunk2);
        var inode = Files.readAttributes(chunk2, "unix:ino").get("ino");
        Thread.sleep(20);

        // a restarted devnet reuses the directory: same origin, numbering continues, complete files untouched
        clock.advance(Duration.ofSeconds(20));
        DevnetImmutableDb restarted = new DevnetImmutableDb(dir, chain(clock), SMALL);
        assertThat(restarted.lastImmutableFileNumber()).isEqualTo(5);
        assertThat(restarted.originSlot()).isEqualTo(140);
        assertThat(Files.getLastModifiedTime(chunk2)).isEqualTo(modified);
        assertThat(Files.readAttributes(chunk2, "unix:ino").get("ino")).isEqualTo(inode);
        assertThat(names(dir.resolve("immutable"))).isEqualTo(trioNames(0, 6));
    }

    @Test
    void aFileWithOtherContentIsLeftAsItIs() throws Exception {
        DevnetClock clock = new DevnetClock(START);
        new DevnetImmutableDb(dir, chain(clock), SMALL).lastImmutableFileNumber();
        clock.advance(Duration.ofSeconds(30));
        Path foreign = dir.resolve("immutable/00002.chunk"); // trio 2 is being written: not there yet complete
        Files.writeString(foreign, "not the devnet's");
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        assertThat(db.lastImmutableFileNumber()).isEqualTo(3);
        assertThat(Files.readString(foreign)).isEqualTo("not the devnet's");
        assertThat(Files.readAllBytes(dir.resolve("immutable/00002.primary"))).isEqualTo(db.trioContent(2, "primary"));
    }

    @Test
    void aLongStopResumesWhereTheDatabaseStoppedInsteadOfWritingEveryMissedFile() throws Exception {
        DevnetClock clock = new DevnetClock(START);
        new DevnetImmutableDb(dir, chain(clock), SMALL).lastImmutableFileNumber(); // trios 0 and 1
        clock.advance(Duration.ofDays(1)); // 8640 files later: more than the 50 allowed
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        assertThat(db.lastImmutableFileNumber()).isEqualTo(1);
        assertThat(names(dir.resolve("immutable"))).isEqualTo(trioNames(0, 2));
        clock.advance(Duration.ofSeconds(10));
        assertThat(db.lastImmutableFileNumber()).isEqualTo(2);
        // the moved origin is kept: a restart reports the same
        assertThat(new DevnetImmutableDb(dir, chain(clock), SMALL).lastImmutableFileNumber())
                .isEqualTo(2);
    }

    @Test
    void keepsTheThreeNewestLedgerSnapshotsOneAtEachEpochStart() throws IOException {
        DevnetClock clock = new DevnetClock(START); // epoch 5
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        db.lastImmutableFileNumber();
        assertThat(names(dir.resolve("ledger"))).containsExactlyInAnyOrder("90", "120", "150");
        for (int epoch = 6; epoch <= 9; epoch++) {
            clock.advance(Duration.ofSeconds(30));
            db.lastImmutableFileNumber();
        }
        assertThat(db.ledgerSnapshotSlots()).containsExactly(210L, 240L, 270L);
        assertThat(Files.readAllBytes(dir.resolve("ledger/270")))
                .isEqualTo(db.ledgerContent(270).getFirst().content())
                .hasSize(1024);
        assertThat(names(dir.resolve(DevnetImmutableDb.TEMP_DIR))).isEmpty();
    }

    @Test
    void writesUtxoHdInMemoryLedgerSnapshotsWhenAsked() throws IOException {
        DevnetClock clock = new DevnetClock(START);
        DevnetImmutableDb db = new DevnetImmutableDb(
                dir,
                chain(clock),
                new DevnetImmutableDb.Layout(4096, 1024, DevnetImmutableDb.LedgerFormat.IN_MEMORY, 50));
        db.lastImmutableFileNumber();
        Path snapshot = dir.resolve("ledger/150");
        assertThat(snapshot).isDirectory();
        assertThat(names(snapshot)).containsExactly("meta", "state", "tables");
        assertThat(names(snapshot.resolve("tables"))).containsExactly("tvar");
        assertThat(Files.readString(snapshot.resolve("meta"))).startsWith("{\"backend\":\"utxohd-mem\"");
        for (int epoch = 6; epoch <= 8; epoch++) {
            clock.advance(Duration.ofSeconds(30));
            db.lastImmutableFileNumber();
        }
        assertThat(names(dir.resolve("ledger"))).containsExactlyInAnyOrder("180", "210", "240");
    }

    @Test
    void theDigesterDigestsTheDatabaseUpToNAndFailsWhenAFileBelowNIsMissing() throws Exception {
        DevnetClock clock = new DevnetClock(START);
        DevnetImmutableDb db = new DevnetImmutableDb(dir, chain(clock), SMALL);
        db.lastImmutableFileNumber(); // created: numbering starts now
        clock.advance(Duration.ofSeconds(60));
        long n = db.lastImmutableFileNumber();
        assertThat(n).isEqualTo(6);
        try (ImmutableDigester digester = new ImmutableDigester(null, 2, ImmutableDigester.FileOpener.FILE_CHANNEL)) {
            ImmutableDigester.ImmutableDigests digests = digester.computeDigests(dir, n);
            assertThat(digests.entries()).hasSize(3 * 7);
            Map<String, String> onDisk = digests(dir);
            for (var entry : digests.entries()) {
                assertThat(entry.digest()).isEqualTo(onDisk.get("immutable/" + entry.fileName()));
            }
            Files.delete(dir.resolve("immutable/00003.secondary"));
            assertThatThrownBy(() -> digester.computeDigests(dir, n))
                    .isInstanceOf(ImmutableDigesterException.class)
                    .hasMessageContaining("00003.secondary");
        }
    }

    @Test
    void theStreamedContentIsTheSameBytesWhateverTheSliceAndItsPrefixesArePrefixes() {
        for (long seed : new long[] {1, 0x6465766e65742d64L, -7}) {
            byte[] whole = DevnetImmutableDb.synthetic(seed, 100_003);
            for (int slice : new int[] {1, 7, 255, 256, 4096, 65_536, 200_000}) {
                DevnetImmutableDb.SyntheticStream stream = new DevnetImmutableDb.SyntheticStream(seed, whole.length);
                byte[] buffer = new byte[slice];
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int n; (n = stream.next(buffer)) > 0; ) out.write(buffer, 0, n);
                assertThat(out.toByteArray())
                        .as("seed %d, slice %d", seed, slice)
                        .isEqualTo(whole);
                assertThat(stream.next(buffer)).isZero();
            }
            // a file being written is the content of its own length, which is a prefix of the final one
            for (int prefix : new int[] {1, 64, 1000, 99_999}) {
                assertThat(whole).startsWith(DevnetImmutableDb.synthetic(seed, prefix));
            }
        }
    }

    @Test
    void theSyntheticBytesAreThoseEveryExistingDevnetDatabaseHolds() throws Exception {
        // SHA-256 of the bytes the devnet has written since it first wrote a database (pinned from that generator): a
        // change here would make every devnet database on disk "not what the devnet writes"
        assertThat(sha256Hex(DevnetImmutableDb.synthetic(1, 100_003)))
                .isEqualTo("5ab6e56c07a3c99739c7ff867b9f2a89104597961e6b21586042d9bce71d0007");
        assertThat(sha256Hex(DevnetImmutableDb.synthetic(0x6465766e65742d64L ^ 7, 24_576)))
                .isEqualTo("c7a96264ea6224ec5fc99d454bd6a11f8324548f56816ec264a00eaa88bb7a47");
        assertThat(sha256Hex(DevnetImmutableDb.synthetic(-7, 255)))
                .isEqualTo("792bc3aa2b43e6190f07dea8f8655e8d5f7895cea071c14109da364cfe827b66");
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void badLayoutsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new DevnetImmutableDb.Layout(10, 1024, DevnetImmutableDb.LedgerFormat.LEGACY, 5))
                .hasMessageContaining("chunk size")
                .hasMessageContaining("10");
        assertThatThrownBy(() -> new DevnetImmutableDb.Layout(4096, 1024, DevnetImmutableDb.LedgerFormat.LEGACY, 0))
                .hasMessageContaining("catch-up");
    }
}
