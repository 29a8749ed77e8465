package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ImmutableFileObserver;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The devnet's Cardano node database, written as the {@link SimulatedChain} advances: {@code immutable/NNNNN.chunk},
 * {@code .primary} and {@code .secondary} for every immutable file number from 0, and ledger-state snapshots in
 * {@code ledger/}, laid out as a node lays them out, so that the aggregator digests, archives and serves it like a real
 * one. As an {@link ImmutableFileObserver} it reports the last completed number only after writing trios 0..N+1 (N+1
 * is the trio "still being written", a prefix of its final content that grows with the chain).
 *
 * <p>Numbering: trio {@code n} covers the chain slots {@code [origin + n·s, origin + (n+1)·s)} with {@code s} the
 * chain's slots per immutable file. The origin is the chain slot at which this directory was created (kept in
 * {@value #ORIGIN_FILE} at its root), so the database starts at 00000 as upstream's archives and clients expect, rather
 * than at the millions of chunks the devnet's chain has counted since its origin. When the chain is more than
 * {@link Layout#maxCatchUpFiles()} files ahead of the disk (a restart after a long stop, a laptop waking up), the
 * origin moves forward instead of writing them all: the database resumes where it stopped.
 *
 * <p>Content is synthetic and deterministic: the bytes of a file depend only on its number (or its ledger slot) and
 * the {@link Layout}, so a database rebuilt with the same settings has the same digests. Each file is written to a
 * temporary name under {@value #TEMP_DIR} then moved atomically into place: a reader never sees a partial file.
 * Restart-safe: files already present are reused, never rewritten; one whose content differs from what the devnet
 * would write is left as it is, with a warning (a complete file of the right size is taken as is, unread: a restart
 * stats the database, it does not read it). Thread-safe.
 */
public final class DevnetImmutableDb implements ImmutableFileObserver {
    public static final String IMMUTABLE_DIR = "immutable";
    public static final String LEDGER_DIR = "ledger";
    /** Marker at the database root holding the origin slot; no Mithril reader looks at it. */
    public static final String ORIGIN_FILE = "devnet-db.properties";
    /** Temporary files, on the same file system as their destination so that the move is atomic. */
    public static final String TEMP_DIR = ".devnet-tmp";
    /** Ledger snapshots kept: the ancillary archive takes the two newest, one more spares a reader racing a prune. */
    public static final int LEDGER_SNAPSHOTS_KEPT = 3;

    private static final Logger LOG = Logger.getLogger(DevnetImmutableDb.class);
    private static final long SEED = 0x6465766e65742d64L; // "devnet-d"
    private static final List<String> TRIO = List.of("chunk", "primary", "secondary");
    private static final int WRITE_SLICE = 1 << 16;
    /** Bytes of one synthetic block in a chunk; the primary and secondary indexes get one entry per block. */
    private static final int BLOCK_BYTES = 2048;

    /** How the ledger snapshots are laid out (upstream's listing reads both, newest slot first). */
    public enum LedgerFormat {
        /** One file {@code ledger/<slot>}, as nodes before UTxO-HD write. */
        LEGACY,
        /** The UTxO-HD in-memory directory {@code ledger/<slot>/} with {@code meta}, {@code state}, {@code tables/tvar}. */
        IN_MEMORY
    }

    /**
     * Sizes and shape of the written files.
     *
     * @param chunkBytes mean size of a chunk (each chunk is 75 %..125 % of it); a real one is tens of MB, the devnet
     *     writes a trio every few seconds so it stays small
     * @param ledgerBytes size of a ledger snapshot (all its files together)
     * @param ledgerFormat the ledger snapshot layout
     * @param maxCatchUpFiles the most trios written in one go to catch up with the chain; beyond, the origin moves
     */
    public record Layout(int chunkBytes, int ledgerBytes, LedgerFormat ledgerFormat, int maxCatchUpFiles) {
        /** About 30 KB per trio: a trio every 10 s (the default devnet) is some 250 MB a day. */
        public static final Layout DEFAULT = new Layout(24 * 1024, 16 * 1024, LedgerFormat.LEGACY, 360);

        public Layout {
            Objects.requireNonNull(ledgerFormat, "ledgerFormat");
            if (chunkBytes < 64 || chunkBytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException("devnet chunk size must be in 64..64 MiB bytes, got " + chunkBytes);
            }
            if (ledgerBytes < 16 || ledgerBytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException(
                        "devnet ledger snapshot size must be in 16..64 MiB bytes, got " + ledgerBytes);
            }
            if (maxCatchUpFiles < 1) {
                throw new IllegalArgumentException(
                        "devnet catch-up must allow one file at least, got " + maxCatchUpFiles);
            }
        }
    }

    private final Path root;
    private final Path immutableDir;
    private final Path ledgerDir;
    private final Path tempDir;
    private final SimulatedChain chain;
    private final Layout layout;

    // guarded by this
    private Long originSlot;
    /** Trios up to this number were checked or written complete by this process. */
    private long completeUpTo = -1;
    /** The highest trio number on disk (complete or not), -1 when none. */
    private long highestOnDisk = -1;
    /** The epoch whose ledger snapshots were last written, -1 before the first. */
    private long ledgerEpoch = -1;

    private final Set<Path> warned = new HashSet<>();
    /**
     * Files of the trios being written and the length this process last wrote them at: their prefix is known good, so
     * growing them does not read them back (a chunk is tens of MB in the benchmarks).
     */
    private final Map<Path, Long> writtenPrefixes = new HashMap<>();

    public DevnetImmutableDb(Path root, SimulatedChain chain, Layout layout) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.chain = Objects.requireNonNull(chain, "chain");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.immutableDir = this.root.resolve(IMMUTABLE_DIR);
        this.ledgerDir = this.root.resolve(LEDGER_DIR);
        this.tempDir = this.root.resolve(TEMP_DIR);
    }

    public DevnetImmutableDb(Path root, SimulatedChain chain) {
        this(root, chain, Layout.DEFAULT);
    }

    /** The database root (the devnet's DB_DIRECTORY). */
    public Path directory() {
        return root;
    }

    /** Writes what the chain has reached, then returns the last completed immutable file number. */
    @Override
    public long lastImmutableFileNumber() {
        return timePoint().immutableFileNumber();
    }

    /**
     * The chain's epoch and tip and the database's last completed immutable file number, all read at one slot, after
     * the database has been brought up to that slot.
     */
    public TimePoint timePoint() {
        long slot = chain.currentSlot();
        long completed;
        try {
            completed = syncTo(slot);
        } catch (UncheckedIOException e) {
            throw new ChainObserverException(
                    "devnet cannot write its immutable database in '" + root + "': " + e.getCause(), e);
        } catch (IllegalStateException e) {
            throw new ChainObserverException(e.getMessage(), e);
        }
        SimulatedChain.Settings s = chain.settings();
        return new TimePoint(Epoch.of(slot / s.epochLengthSeconds()), completed, SimulatedChain.chainPointAt(slot));
    }

    /** The chain slot of the start of trio 00000 (established when the directory is first written). */
    public synchronized long originSlot() {
        open(chain.currentSlot());
        return originSlot;
    }

    /** Brings the database up to {@code slot}: trios, in-progress trio and ledger snapshots. */
    synchronized long syncTo(long slot) {
        open(slot);
        long spf = chain.settings().slotsPerImmutableFile();
        long current = Math.max(1, Math.floorDiv(slot - originSlot, spf)); // the trio being written
        long phase = Math.floorMod(slot - originSlot, spf);
        if (highestOnDisk >= 0 && current - 1 > highestOnDisk + layout.maxCatchUpFiles()) {
            // the highest trio on disk was being written when the devnet stopped: it completes now
            long resumeAt = highestOnDisk + 1;
            long newOrigin = slot - resumeAt * spf - phase;
            LOG.infof(
                    "devnet immutable database: the chain is %d files ahead of '%s', resuming at %05d (origin slot %d to %d)",
                    current - 1 - highestOnDisk, root, resumeAt, originSlot, newOrigin);
            writeOrigin(newOrigin);
            originSlot = newOrigin;
            current = resumeAt;
        }
        advanceTo(current - 1, (double) phase / spf);
        long epoch = slot / chain.settings().epochLengthSeconds();
        if (epoch != ledgerEpoch) {
            writeLedgerSnapshots(epoch);
            ledgerEpoch = epoch;
        }
        return current - 1;
    }

    /**
     * Makes sure trios 0..{@code completed} are on disk with their final content and that trio {@code completed + 1}
     * exists, as the smallest prefix of its content (it grows as the chain calls again).
     */
    public synchronized void advanceTo(long completed) {
        open(chain.currentSlot());
        advanceTo(completed, 0);
    }

    private void advanceTo(long completed, double progressOfNext) {
        if (completed < 0) throw new IllegalArgumentException("negative immutable file number " + completed);
        for (long n = completeUpTo + 1; n <= completed; n++) {
            for (String ext : TRIO) {
                Path target = immutableDir.resolve(fileName(n, ext));
                int finalLength = trioLength(n, ext);
                // a restart finds thousands of complete files: a stat each, their bytes are never rewritten anyway
                if (!(Files.isRegularFile(target) && sizeOf(target) == finalLength)) {
                    ensureFile(target, trioSeed(n, ext), finalLength, true);
                }
                writtenPrefixes.remove(target);
            }
            completeUpTo = n;
        }
        long next = completed + 1;
        for (String ext : TRIO) {
            int finalLength = trioLength(next, ext);
            int length = (int) Math.max(
                    1, Math.min(finalLength - 1L, (long) (finalLength * (0.125 + progressOfNext * 0.75))));
            Path target = immutableDir.resolve(fileName(next, ext));
            // called at every time point: nothing to do until the file is to grow (large chunks are not re-read then)
            if (Files.isRegularFile(target) && sizeOf(target) >= length) continue;
            ensureFile(target, trioSeed(next, ext), length, false);
        }
        highestOnDisk = Math.max(highestOnDisk, next);
    }

    /** {@code NNNNN.ext}: five digits at least, as the node names them. */
    public static String fileName(long number, String extension) {
        return String.format("%05d.%s", number, extension);
    }

    /** The final bytes of one file of trio {@code number}: a function of the number and the layout only. */
    byte[] trioContent(long number, String extension) {
        return synthetic(trioSeed(number, extension), trioLength(number, extension));
    }

    private static long trioSeed(long number, String extension) {
        return SEED ^ number ^ ((long) extension.hashCode() << 32);
    }

    /** The final size of one file of trio {@code number}, known without making its bytes. */
    int trioLength(long number, String extension) {
        SplittableRandom sizes = new SplittableRandom(SEED ^ (number * 0x9E3779B97F4A7C15L));
        int chunkBytes = layout.chunkBytes() * 3 / 4 + sizes.nextInt(layout.chunkBytes() / 2 + 1);
        int blocks = Math.max(1, chunkBytes / BLOCK_BYTES);
        int length = switch (extension) {
            case "chunk" -> chunkBytes;
            case "primary" -> 1 + 4 * (blocks + 1); // version byte, then one offset per slot
            case "secondary" -> 56 * blocks; // one entry per block
            default -> throw new IllegalArgumentException("not an immutable file extension: " + extension);
        };
        return length;
    }

    /** The bytes of the ledger snapshot at {@code slot}, as (relative path, content) in the snapshot's own order. */
    List<LedgerFile> ledgerContent(long slot) {
        String name = Long.toString(slot);
        long seed = SEED ^ (slot * 0xBF58476D1CE4E5B9L) ^ 0x4c;
        return switch (layout.ledgerFormat()) {
            case LEGACY -> List.of(new LedgerFile(name, synthetic(seed, layout.ledgerBytes())));
            case IN_MEMORY -> {
                byte[] meta = ("{\"backend\":\"utxohd-mem\",\"checksum\":" + (slot & 0xffffffffL)
                                + ",\"tablesCodecVersion\":1}")
                        .getBytes(StandardCharsets.US_ASCII);
                int state = Math.max(1, layout.ledgerBytes() / 4);
                int tvar = Math.max(1, layout.ledgerBytes() - state - meta.length);
                yield List.of(
                        new LedgerFile(name + "/meta", meta),
                        new LedgerFile(name + "/state", synthetic(seed, state)),
                        new LedgerFile(name + "/tables/tvar", synthetic(seed + 1, tvar)));
            }
        };
    }

    /** One file of a ledger snapshot, its path relative to {@code ledger/}. */
    record LedgerFile(String relativePath, byte[] content) {}

    /**
     * Deterministic bytes that compress about as a chunk does (~2:1): alternate runs of random bytes and of bytes
     * drawn from a small alphabet, as block headers and bodies alternate.
     */
    static byte[] synthetic(long seed, int length) {
        byte[] bytes = new byte[length];
        new SyntheticStream(seed, length).next(bytes);
        return bytes;
    }

    /**
     * The bytes of {@link #synthetic}, made in order a slice at a time: a file of tens of MB is written or compared
     * through one small buffer instead of an array of its size (what a large chunk cost the heap, docs/benchmarks.md).
     * Alternate runs of 64..255 bytes, random or drawn from a 16-letter alphabet.
     */
    static final class SyntheticStream {
        private final SplittableRandom random;
        private final long length;
        /** Bytes of the runs drawn so far (the current one included). */
        private long drawn;

        /** The current run: its first {@code runLength} bytes (a run is 255 bytes at most). */
        private final byte[] run = new byte[256];

        private int runLength;
        private int runPosition;

        SyntheticStream(long seed, long length) {
            this.random = new SplittableRandom(seed);
            this.length = length;
        }

        /** Fills {@code buffer[0, n)} with the next bytes, n = min(buffer length, bytes left); returns n. */
        int next(byte[] buffer) {
            int filled = 0;
            while (filled < buffer.length) {
                if (runPosition == runLength) {
                    if (drawn == length) break;
                    nextRun();
                }
                int take = Math.min(buffer.length - filled, runLength - runPosition);
                System.arraycopy(run, runPosition, buffer, filled, take);
                runPosition += take;
                filled += take;
            }
            return filled;
        }

        /**
         * A run's length, its kind, then its bytes; random bytes as {@link SplittableRandom#nextBytes} makes them (a
         * long per 8 bytes, low byte first, a last long for the rest), the generator the devnet's first databases
         * were written with, without an array per run.
         */
        private void nextRun() {
            int size = (int) Math.min(length - drawn, 64 + random.nextInt(192));
            if (random.nextBoolean()) {
                int i = 0;
                for (int words = size >> 3; words-- > 0; ) {
                    long r = random.nextLong();
                    for (int b = 0; b < 8; b++, r >>>= 8) run[i++] = (byte) r;
                }
                if (i < size) {
                    for (long r = random.nextLong(); i < size; r >>>= 8) run[i++] = (byte) r;
                }
            } else {
                for (int k = 0; k < size; k++) run[k] = (byte) random.nextInt(16);
            }
            runLength = size;
            runPosition = 0;
            drawn += size;
        }
    }

    // --- files

    private void open(long slot) {
        if (originSlot != null) return;
        try {
            Files.createDirectories(immutableDir);
            Files.createDirectories(ledgerDir);
            Files.createDirectories(tempDir);
            try (Stream<Path> leftovers = Files.list(tempDir)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) deleteRecursively(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        highestOnDisk = highestTrioNumber();
        Path marker = root.resolve(ORIGIN_FILE);
        if (Files.exists(marker)) {
            originSlot = readOrigin(marker);
        } else {
            long spf = chain.settings().slotsPerImmutableFile();
            // trio 0 completed, trio 1 being written: the observer has a number to report right away
            long origin = Math.floorDiv(slot, spf) * spf - spf;
            writeOrigin(origin);
            originSlot = origin;
            LOG.infof("devnet immutable database created in '%s' (origin slot %d)", root, origin);
        }
    }

    /** The highest number of a {@code NNNNN.chunk|primary|secondary} file in {@code immutable/}, -1 when none. */
    private long highestTrioNumber() {
        long highest = -1;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(immutableDir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot <= 0 || !TRIO.contains(name.substring(dot + 1))) continue;
                try {
                    highest = Math.max(highest, Long.parseLong(name.substring(0, dot)));
                } catch (NumberFormatException notATrio) {
                    // not the node's, not ours
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return highest;
    }

    private long readOrigin(Path marker) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(marker)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = p.getProperty("origin_slot");
        try {
            return Long.parseLong(Objects.requireNonNull(value).trim());
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalStateException(
                    "devnet immutable database marker '" + marker + "' has no valid origin_slot: " + value, e);
        }
    }

    private void writeOrigin(long origin) {
        byte[] text = ("# the devnet's immutable database: chain slot of the start of trio 00000\norigin_slot=" + origin
                        + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Path marker = root.resolve(ORIGIN_FILE);
        try {
            Path tmp = Files.createTempFile(tempDir, "origin", ".tmp");
            Files.write(tmp, text);
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the first {@code length} bytes of the file whose final content is {@code synthetic(seed, …)} at
     * {@code target}, unless they are there already. A file of a trio still being written ({@code complete} false, or a
     * complete one left as a prefix by a previous call) is replaced by a longer prefix; any other difference is left
     * alone, with a warning. Streamed: neither the file nor its content is ever held whole.
     */
    private void ensureFile(Path target, long seed, int length, boolean complete) {
        try {
            if (Files.exists(target)) {
                long present = Files.size(target);
                Long written = writtenPrefixes.get(target);
                if ((written == null || written != present)
                        && !prefixMatches(target, seed, Math.min(present, length))) {
                    warnOnce(target, present, length);
                    return;
                }
                if (present == length) return;
                if (present > length) {
                    if (complete) warnOnce(target, present, length); // longer than its final size
                    return; // otherwise ahead: a previous run got further in this trio
                }
            }
            Path tmp = Files.createTempFile(tempDir, target.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                // in slices: one write of a large chunk would take a direct buffer of its size
                SyntheticStream content = new SyntheticStream(seed, length);
                byte[] slice = new byte[WRITE_SLICE];
                for (int n; (n = content.next(slice)) > 0; ) out.write(slice, 0, n);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            writtenPrefixes.put(target, (long) length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the first {@code count} bytes of {@code file} are those of {@code synthetic(seed, …)}. */
    private static boolean prefixMatches(Path file, long seed, long count) throws IOException {
        SyntheticStream expected = new SyntheticStream(seed, count);
        byte[] want = new byte[WRITE_SLICE];
        byte[] have = new byte[WRITE_SLICE];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = expected.next(want)) > 0; ) {
                if (in.readNBytes(have, 0, n) != n || !Arrays.equals(want, 0, n, have, 0, n)) return false;
            }
        }
        return true;
    }

    private void warnOnce(Path target, long present, long expected) {
        if (warned.add(target)) {
            LOG.warnf(
                    "devnet immutable database: '%s' is not what the devnet writes (%d bytes, expected %d); left as it is",
                    target, present, expected);
        }
    }

    /** Ledger snapshots at the first slots of {@code epoch} and the two before it; older ones are removed. */
    private void writeLedgerSnapshots(long epoch) {
        long length = chain.settings().epochLengthSeconds();
        for (long e = Math.max(0, epoch - (LEDGER_SNAPSHOTS_KEPT - 1)); e <= epoch; e++) {
            writeLedgerSnapshot(e * length);
        }
        List<Long> slots = ledgerSnapshotSlots();
        for (int i = 0; i < slots.size() - LEDGER_SNAPSHOTS_KEPT; i++) {
            removeLedgerSnapshot(slots.get(i));
        }
    }

    private void writeLedgerSnapshot(long slot) {
        Path target = ledgerDir.resolve(Long.toString(slot));
        List<LedgerFile> files = ledgerContent(slot);
        try {
            if (Files.exists(target)) {
                for (LedgerFile f : files) {
                    Path p = ledgerDir.resolve(f.relativePath());
                    boolean same = Files.isRegularFile(p) && Arrays.equals(Files.readAllBytes(p), f.content());
                    if (!same && warned.add(p)) {
                        LOG.warnf("devnet ledger snapshot '%s' is not what the devnet writes; left as it is", p);
                    }
                }
                return;
            }
            Path staging = Files.createTempDirectory(tempDir, "ledger-" + slot);
            for (LedgerFile f : files) {
                Path p = staging.resolve(f.relativePath());
                Files.createDirectories(p.getParent());
                Files.write(p, f.content());
            }
            // staging/<slot> is the legacy file itself, or the in-memory directory with all its files: one move
            Files.move(staging.resolve(Long.toString(slot)), target, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(staging);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slots of the ledger snapshots on disk (any entry whose name is a number), oldest first. */
    List<Long> ledgerSnapshotSlots() {
        List<Long> slots = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ledgerDir)) {
            for (Path p : entries) {
                try {
                    slots.add(Long.parseUnsignedLong(p.getFileName().toString()));
                } catch (NumberFormatException notASnapshot) {
                    // not ours, not a snapshot
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        slots.sort(Comparator.naturalOrder());
        return slots;
    }

    /** Moves the snapshot out of {@code ledger/} in one step, then deletes it: no reader sees half of it. */
    private void removeLedgerSnapshot(long slot) {
        Path snapshot = ledgerDir.resolve(Long.toString(slot));
        try {
            Path graveyard = Files.createTempDirectory(tempDir, "removed-ledger-");
            Files.move(snapshot, graveyard.resolve("snapshot"), StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(graveyard);
        } catch (NoSuchFileException gone) {
            // removed by someone else meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : (Iterable<Path>) children::iterator) deleteRecursively(c);
            }
        }
        Files.deleteIfExists(p);
    }

    @Override
    public String toString() {
        return "DevnetImmutableDb[" + root + ", " + layout + "]";
    }
}
