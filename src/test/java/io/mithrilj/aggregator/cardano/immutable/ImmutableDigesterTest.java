package io.mithrilj.aggregator.cardano.immutable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester.FileDigest;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester.ImmutableDigests;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigesterException.Reason;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.signable.CardanoDatabaseSignable;
import io.mithrilj.aggregator.protocol.signable.CardanoImmutableFilesFullSignable;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The immutable file digester on upstream's real fixture files and on upstream's dummy database (artifacts.md
 * §4, §8.4): file set, order, per-file digests, the values both signables derive from them, the cache, and
 * each error naming what is wrong.
 */
class ImmutableDigesterTest {

    /** §8.4: file name to digest of the 12 fixture files, in immutable file order. */
    static final Map<String, String> FIXTURE = fixture();

    private static Map<String, String> fixture() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("00000.chunk", "dd65d0b1fd9accf7df1c85b5e9614301c1898580ca84005225dfb28b5a6083d2");
        m.put("00000.primary", "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876");
        m.put("00000.secondary", "b300ab1a2a87f4907b0412dc442c7f91badf0a58ede0a9eeba62c7f81c385068");
        m.put("00001.chunk", "67d6916e56510a60f9516b03144aa009a6f3feac8c0f92ae22b39688c49cd601");
        m.put("00001.primary", "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876");
        m.put("00001.secondary", "06d39413fdca442b1cc234bce758e011d89c006a7f52a55dcb5c06228e86bf6e");
        m.put("00002.chunk", "31b808b903c44647ff39a5fa796973f4422b59ad2691a22ec9d0a6e1b23b9cfb");
        m.put("00002.primary", "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876");
        m.put("00002.secondary", "b856be6008b6ca8166f319a15b6e2338b498372b4a9a31e5dbf1968cbd05c60b");
        m.put("00003.chunk", "428c5c3ec85f4f203458394cb3b094eb18a96bee707aa511e01c38c8ec927b5c");
        m.put("00003.primary", "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876");
        m.put("00003.secondary", "6ed3378c35e0417acf1f07dcaa70da1e0df6e0c664f487a781e248f5b2c15f3e");
        return m;
    }

    @TempDir
    Path db;

    private final List<ImmutableDigester> opened = new ArrayList<>();
    private final List<Path> reads = new CopyOnWriteArrayList<>();

    /** A digester on {@code parallelism} threads that records every file it opens. */
    private ImmutableDigester digester(DigestCache cache, int parallelism) {
        ImmutableDigester d = new ImmutableDigester(cache, parallelism, file -> {
            reads.add(file);
            return ImmutableDigester.FileOpener.FILE_CHANNEL.open(file);
        });
        opened.add(d);
        return d;
    }

    @AfterEach
    void closeDigesters() {
        opened.forEach(ImmutableDigester::close);
    }

    private Path copyFixture() throws IOException {
        Path immutable = Files.createDirectories(db.resolve("node/db/immutable"));
        try (Stream<Path> files = Files.list(UpstreamReference.cardanoTestData("immutable"))) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, immutable.resolve(f.getFileName()));
        }
        return immutable;
    }

    /** Upstream's dummy database: each file holds {@code This is a test file named '<name>'}. */
    private Path writeDummyDatabase(int lastTrio) throws IOException {
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        for (int n = 1; n <= lastTrio; n++) {
            for (String ext : List.of("chunk", "primary", "secondary")) {
                String name = String.format("%05d.%s", n, ext);
                Files.writeString(immutable.resolve(name), "This is a test file named '" + name + "'");
            }
        }
        return immutable;
    }

    private static Map<String, String> byName(ImmutableDigests digests) {
        Map<String, String> m = new LinkedHashMap<>();
        digests.entries().forEach(e -> m.put(e.fileName(), e.digest()));
        return m;
    }

    @Test
    void theTwelveFixtureFilesHaveTheSpecDigestsInOrder() throws IOException {
        copyFixture();
        Files.createDirectories(db.resolve("node/db/ledger"));
        ImmutableDigests digests = digester(null, 2).computeDigests(db, 3);
        assertThat(byName(digests)).containsExactlyEntriesOf(FIXTURE);
        assertThat(digests.cacheHits()).isZero();
        assertThat(digests.cacheMisses()).isEqualTo(12);
        assertThat(reads).hasSize(12);
    }

    @Test
    void fixtureRootsAndSnapshotDigestsFromTheFiles() throws IOException {
        copyFixture();
        ImmutableDigester digester = digester(null, 3);
        String[] roots = {
            "568a3c5d1f6a780af9bc647141ff1fc35cf66b287b032ea38042b8be48467dd1",
            "6338272c32370c155d5578c94ad7ebdb9a9a4c344d4ea73f72e3fa6e1769ff1f",
            "75e3de518bb1484c6762f4086548bc854baafd77b06f9538d04abf73e67436a7",
            "bd8431040be7e09cc82dd3e655cc7f1d5b4773ba9ec278c766cbf5df19c816a7"
        };
        for (int n = 0; n <= 3; n++) {
            ImmutableDigests digests = digester.computeDigests(db, n);
            assertThat(digests.entries()).hasSize(3 * (n + 1));
            assertThat(digests.entries().getLast().file().number()).isEqualTo(n);
            assertThat(CardanoDatabaseSignable.computeProtocolMessage(new CardanoDbBeacon(1, n), digests.digests())
                            .get(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT))
                    .contains(roots[n]);
        }
        assertThat(CardanoImmutableFilesFullSignable.snapshotDigest(
                        "devnet",
                        new CardanoDbBeacon(13, 3),
                        digester.computeDigests(db, 3).digests()))
                .isEqualTo("fea2e010a002d5e184c542000861b0a097731f74bbc2dab21c3c70ef4c020a85");
    }

    @Test
    void upstreamDummyDatabaseExcludesTheUncompletedTrio() throws IOException {
        writeDummyDatabase(101);
        ImmutableDigests digests = digester(null, 4).computeDigests(db, 100);
        assertThat(digests.entries()).hasSize(300);
        assertThat(digests.entries())
                .extracting(FileDigest::fileName)
                .startsWith("00001.chunk", "00001.primary", "00001.secondary", "00002.chunk")
                .endsWith("00100.secondary")
                .noneMatch(name -> name.startsWith("00101."));
        CardanoDbBeacon beacon = new CardanoDbBeacon(1, 100);
        assertThat(CardanoImmutableFilesFullSignable.snapshotDigest("devnet", beacon, digests.digests()))
                .isEqualTo("a27fd67e495c2c77e4b6b0af9925b2b0bc39656c56adfad4aaab9f20fae49122");
        assertThat(CardanoDatabaseSignable.computeProtocolMessage(beacon, digests.digests())
                        .get(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT))
                .contains("8552f75838176c967a33eb6da1fe5f3c9940b706d75a9c2352c0acd8439f3d84");
        // the same digests whatever the number of threads
        assertThat(digester(null, 1).computeDigests(db, 100)).isEqualTo(digests);
    }

    @Test
    void singleFileVectors() throws IOException {
        writeDummyDatabase(1);
        assertThat(byName(digester(null, 1).computeDigests(db.resolve("immutable"), 1)))
                .containsEntry("00001.chunk", "faebbf47077f68ef57219396ff69edc738978a3eca946ac7df1983dbf11364ec")
                .hasEntrySatisfying(
                        "00001.primary",
                        d -> assertThat(d).startsWith("f11bdb99").endsWith("a826"))
                .hasEntrySatisfying(
                        "00001.secondary",
                        d -> assertThat(d).startsWith("b139684b").endsWith("fde3"));
    }

    @Test
    void aFileLargerThanTheBufferIsStreamedWhole() throws IOException {
        byte[] content = new byte[3 * ImmutableDigester.BUFFER_SIZE + 17];
        new Random(20).nextBytes(content);
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        Files.write(immutable.resolve("00000.chunk"), content);
        Files.writeString(immutable.resolve("00000.primary"), "");
        Files.writeString(immutable.resolve("00000.secondary"), "x");
        Map<String, String> digests = byName(digester(null, 2).computeDigests(db, 0));
        assertThat(digests).containsEntry("00000.chunk", sha256(content));
        assertThat(digests).containsEntry("00000.primary", sha256(new byte[0]));
        assertThat(digests).containsEntry("00000.secondary", sha256("x".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void otherFilesSubdirectoriesAndLinksAreIgnored() throws IOException {
        Path immutable = copyFixture();
        Files.writeString(immutable.resolve("notes.txt"), "ignored");
        Files.writeString(immutable.resolve("00001.chunk.tmp"), "ignored");
        Files.createDirectories(immutable.resolve("sub"));
        Files.writeString(immutable.resolve("sub/00004.chunk"), "ignored");
        // symbolic links are not immutable files, as in upstream's walk (which does not follow links)
        for (String ext : List.of("chunk", "primary", "secondary"))
            Files.createSymbolicLink(immutable.resolve("00004." + ext), immutable.resolve("00003." + ext));
        ImmutableDigests digests = digester(null, 2).computeDigests(db, 3);
        assertThat(byName(digests)).containsExactlyEntriesOf(FIXTURE);
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 4))
                .isInstanceOf(ImmutableDigesterException.class)
                .hasMessageContaining("highest found is 3");
    }

    @Test
    void cachedFilesAreNotReadAndNewOnesAreCached() throws IOException {
        Path immutable = copyFixture();
        FakeDigestCache cache = new FakeDigestCache();
        ImmutableDigester digester = digester(cache, 2);

        ImmutableDigests first = digester.computeDigests(db, 2);
        assertThat(first.cacheHits()).isZero();
        assertThat(first.cacheMisses()).isEqualTo(9);
        assertThat(cache.entries).hasSize(9);
        assertThat(reads).hasSize(9);

        reads.clear();
        ImmutableDigests next = digester.computeDigests(db, 3);
        assertThat(next.cacheHits()).isEqualTo(9);
        assertThat(next.cacheMisses()).isEqualTo(3);
        assertThat(next.cacheHitRate()).isEqualTo(0.75);
        assertThat(reads)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("00003.chunk", "00003.primary", "00003.secondary");
        assertThat(byName(next)).containsExactlyEntriesOf(FIXTURE);
        assertThat(cache.entries).containsAllEntriesOf(FIXTURE).hasSize(12);
        assertThat(cache.puts).containsExactly(9, 3); // only the new digests are stored

        // a cached digest is trusted: the file is not read even if its bytes changed
        reads.clear();
        Files.writeString(immutable.resolve("00000.chunk"), "changed");
        assertThat(byName(digester.computeDigests(db, 3))).containsExactlyEntriesOf(FIXTURE);
        assertThat(reads).isEmpty();
    }

    @Test
    void aFailingCacheIsBypassed() throws IOException {
        copyFixture();
        DigestCache broken = new DigestCache() {
            @Override
            public Map<String, String> get(Collection<String> fileNames) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void put(Map<String, String> digests) {
                throw new IllegalStateException("database down");
            }
        };
        ImmutableDigests digests = digester(broken, 2).computeDigests(db, 3);
        assertThat(byName(digests)).containsExactlyEntriesOf(FIXTURE);
        assertThat(digests.cacheMisses()).isEqualTo(12);
    }

    @Test
    void aNumberAboveTheHighestNamesBoth() throws IOException {
        copyFixture();
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 5))
                .isInstanceOfSatisfying(
                        ImmutableDigesterException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ENOUGH_IMMUTABLE))
                .hasMessageContaining("expected immutable file number 5")
                .hasMessageContaining("highest found is 3");
        Files.createDirectories(db.resolve("empty/immutable"));
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db.resolve("empty"), 0))
                .isInstanceOf(ImmutableDigesterException.class)
                .hasMessageContaining("highest found is none");
        assertThat(reads).isEmpty();
    }

    @Test
    void aMissingDirectoryIsNamed() {
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 1))
                .isInstanceOfSatisfying(
                        ImmutableDigesterException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LISTING_FAILED))
                .hasMessageContaining("Couldn't find the 'immutable' folder in '" + db + "'");
    }

    @Test
    void aMissingFileBelowTheNumberIsNamed() throws IOException {
        Path immutable = copyFixture();
        Files.delete(immutable.resolve("00001.primary"));
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 3))
                .isInstanceOfSatisfying(ImmutableDigesterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_FILE);
                    assertThat(e.path()).isEqualTo(immutable.resolve("00001.primary"));
                })
                .hasMessageContaining("'00001.primary'");
        // below the missing file, the database is complete
        assertThat(digester(null, 2).computeDigests(db, 0).entries()).hasSize(3);

        for (String ext : List.of("chunk", "secondary")) Files.delete(immutable.resolve("00001." + ext));
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 2))
                .isInstanceOf(ImmutableDigesterException.class)
                .hasMessageContaining("'00001.chunk'");
        assertThat(reads).hasSize(3);

        // a whole trio missing at N itself while later trios exist
        for (String ext : List.of("chunk", "primary", "secondary")) Files.delete(immutable.resolve("00002." + ext));
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 2))
                .isInstanceOfSatisfying(
                        ImmutableDigesterException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_FILE))
                .hasMessageContaining("'00002.chunk'")
                .hasMessageContaining("up to 2");
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        Path immutable = copyFixture();
        Path locked = immutable.resolve("00002.secondary");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as a user who reads files whatever their mode (root)");
        assertThatThrownBy(() -> digester(null, 2).computeDigests(db, 3))
                .isInstanceOfSatisfying(ImmutableDigesterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_FILE);
                    assertThat(e.path()).isEqualTo(locked);
                })
                .hasMessageContaining(locked.toString());
    }

    @Test
    void aReadFailureIsNamedAndNothingIsCached() throws IOException {
        copyFixture();
        FakeDigestCache cache = new FakeDigestCache();
        ImmutableDigester failing = new ImmutableDigester(cache, 2, file -> {
            if (file.getFileName().toString().equals("00001.chunk")) throw new IOException("Input/output error");
            return ImmutableDigester.FileOpener.FILE_CHANNEL.open(file);
        });
        opened.add(failing);
        assertThatThrownBy(() -> failing.computeDigests(db, 3))
                .isInstanceOfSatisfying(
                        ImmutableDigesterException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_FILE))
                .hasMessageContaining("00001.chunk")
                .hasMessageContaining("Input/output error");
        assertThat(cache.entries).isEmpty();
    }

    @Test
    void theImmutableDirectoryItselfCanBeGiven() throws IOException {
        Path immutable = copyFixture();
        assertThat(byName(digester(null, 2).computeDigests(immutable, 3))).containsExactlyEntriesOf(FIXTURE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An in-memory cache that records how many digests each {@code put} stores. */
    static final class FakeDigestCache implements DigestCache {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        final List<Integer> puts = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> get(Collection<String> fileNames) {
            Map<String, String> hits = new LinkedHashMap<>();
            fileNames.forEach(n -> {
                if (entries.containsKey(n)) hits.put(n, entries.get(n));
            });
            return hits;
        }

        @Override
        public void put(Map<String, String> digests) {
            puts.add(digests.size());
            entries.putAll(digests);
        }
    }
}
