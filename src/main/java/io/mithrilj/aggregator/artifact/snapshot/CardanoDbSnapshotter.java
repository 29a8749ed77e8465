package io.mithrilj.aggregator.artifact.snapshot;

import io.mithrilj.aggregator.artifact.archive.ArchiveException;
import io.mithrilj.aggregator.artifact.archive.FileArchive;
import io.mithrilj.aggregator.artifact.archive.FileArchiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The Cardano database snapshotter (upstream {@code CompressedArchiveSnapshotter} with the archive steps of the
 * {@code ImmutableArtifactBuilder}, {@code DigestArtifactBuilder} and {@code CardanoImmutableFilesFullArtifactBuilder}).
 * It reads the node database directory ({@code immutable/}, {@code ledger/}), keeps the per-trio archives under
 * {@code <snapshot directory>/cardano-database/immutable/}, and copies files to a work directory where they must not
 * change while archived. Every step either publishes all its archives or fails with a {@link SnapshotException},
 * leaving nothing of its own in its target directory and no temporary copy behind.
 */
public final class CardanoDbSnapshotter {
    public static final String IMMUTABLE_DIR = "immutable";
    public static final String LEDGER_DIR = "ledger";
    /** Where the per-trio archives are kept, under the snapshot directory (upstream's immutables storage). */
    public static final String IMMUTABLES_STORAGE_DIR = "cardano-database/immutable";

    static final List<String> TRIO_EXTENSIONS = List.of("chunk", "primary", "secondary");
    private static final String TEMP_ANCILLARY_PREFIX = "temp-ancillary-";
    private static final String TEMP_DIGESTS_PREFIX = "temp-digests-";
    private static final System.Logger LOG = System.getLogger(CardanoDbSnapshotter.class.getName());

    /** Copies a file to a path that does not exist yet: the seam through which tests inject copy failures. */
    @FunctionalInterface
    interface FileCopier {
        void copy(Path source, Path target) throws IOException;
    }

    private final FileArchiver archiver;
    private final Path databaseDirectory;
    private final Path snapshotDirectory;
    private final AncillarySigner signer;
    private final Path workDirectory;
    private final FileCopier copier;
    private final int parallelism;

    /**
     * @param databaseDirectory the node database ({@code immutable/}, {@code ledger/})
     * @param snapshotDirectory the aggregator's snapshot directory ({@code SNAPSHOT_DIRECTORY})
     * @param workDirectory where files are copied before being archived (sub-directories removed after each step)
     */
    public CardanoDbSnapshotter(
            FileArchiver archiver,
            Path databaseDirectory,
            Path snapshotDirectory,
            AncillarySigner signer,
            Path workDirectory) {
        this(
                archiver,
                databaseDirectory,
                snapshotDirectory,
                signer,
                workDirectory,
                (source, target) -> Files.copy(source, target),
                Runtime.getRuntime().availableProcessors());
    }

    CardanoDbSnapshotter(
            FileArchiver archiver,
            Path databaseDirectory,
            Path snapshotDirectory,
            AncillarySigner signer,
            Path workDirectory,
            FileCopier copier,
            int parallelism) {
        this.archiver = Objects.requireNonNull(archiver, "archiver");
        this.databaseDirectory = Objects.requireNonNull(databaseDirectory, "database directory");
        this.snapshotDirectory = Objects.requireNonNull(snapshotDirectory, "snapshot directory");
        this.signer = Objects.requireNonNull(signer, "ancillary signer");
        this.workDirectory = Objects.requireNonNull(workDirectory, "work directory");
        this.copier = Objects.requireNonNull(copier, "copier");
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        this.parallelism = parallelism;
    }

    /** {@code <network>-e<epoch>-i<N>}: the base name of a Cardano database snapshot's ancillary and digests files. */
    public static String cardanoDatabaseBaseName(String network, long epoch, long immutableFileNumber) {
        return network + "-e" + Long.toUnsignedString(epoch) + "-i" + Long.toUnsignedString(immutableFileNumber);
    }

    /** {@code <network>-e<epoch>-i<N>.<digest>}: the base name of a legacy full snapshot's archives. */
    public static String legacyBaseName(String network, long epoch, long immutableFileNumber, String digest) {
        return cardanoDatabaseBaseName(network, epoch, immutableFileNumber) + "." + digest;
    }

    /** {@code NNNNN}: the immutable file number padded to 5 digits, the stem of trio files and trio archives. */
    public static String trioName(long immutableFileNumber) {
        String digits = Long.toUnsignedString(immutableFileNumber);
        return digits.length() >= 5 ? digits : "0".repeat(5 - digits.length()) + digits;
    }

    /** The directory holding the per-trio archives. */
    public Path immutablesStorageDirectory() {
        return snapshotDirectory.resolve(IMMUTABLES_STORAGE_DIR);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // per-trio archives

    /**
     * One archive {@code NNNNN.tar.<ext>} (entries {@code immutable/NNNNN.chunk|primary|secondary}) for every immutable
     * file number 0..={@code upTo}, reusing an archive already in the storage directory and building the others in
     * parallel; with the uncompressed sizes of the artifact. On failure the archives built by this call are removed.
     *
     * @throws SnapshotException for {@code upTo} 0 (upstream can not compute an average over no trio), a trio file
     *     missing below {@code upTo}, or an archive that can not be written or verified
     */
    public ImmutableArchives immutableArchives(long upTo) throws SnapshotException {
        if (upTo < 0) throw new IllegalArgumentException("immutable file number must be unsigned, got " + upTo);
        if (upTo == 0) {
            throw new SnapshotException("could not compute the total size without immutable files: the immutable "
                    + "file number is 0 and trio 00000 is not counted");
        }
        long total = checkTriosAndSumSizes(upTo);
        Path storage = immutablesStorageDirectory();
        createDirectories(storage, "the immutables storage directory");
        String extension = archiver.settings().algorithm().tarFileExtension();
        List<Path> archives = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long number = 0; number <= upTo; number++) {
            Path archive = storage.resolve(trioName(number) + "." + extension);
            archives.add(archive);
            if (!Files.exists(archive)) missing.add(number);
        }
        buildTrioArchives(missing, storage);
        return new ImmutableArchives(
                archives, total, total / upTo, archiver.settings().algorithm());
    }

    /** Every trio file 0..=upTo must be a regular file; returns the summed size of trios 1..=upTo. */
    private long checkTriosAndSumSizes(long upTo) throws SnapshotException {
        Path immutable = databaseDirectory.resolve(IMMUTABLE_DIR);
        long total = 0;
        for (long number = 0; number <= upTo; number++) {
            for (String extension : TRIO_EXTENSIONS) {
                Path file = immutable.resolve(trioName(number) + "." + extension);
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    throw new SnapshotException(
                            "immutable file '" + file + "' (at or below immutable file number " + upTo + ") is missing",
                            e);
                } catch (IOException e) {
                    throw new SnapshotException(
                            "immutable file '" + file + "' (at or below immutable file number " + upTo
                                    + ") can not be read: " + reason(e),
                            e);
                }
                if (!attributes.isRegularFile()) {
                    throw new SnapshotException("immutable file '" + file + "' (at or below immutable file number "
                            + upTo + ") is not a regular file");
                }
                if (number >= 1) total += attributes.size();
            }
        }
        return total;
    }

    private void buildTrioArchives(List<Long> numbers, Path storage) throws SnapshotException {
        if (numbers.isEmpty()) return;
        List<Path> built = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        SnapshotException failure = null;
        int threads = Math.min(parallelism, numbers.size());
        // one archive per core already: zstd's own workers would only add memory
        FileArchiver perTrio = threads > 1 ? archiver.singleThreaded() : archiver;
        try (ExecutorService pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("trio-archiver-", 0).daemon().factory())) {
            List<Future<?>> tasks = new ArrayList<>(numbers.size());
            for (long number : numbers) {
                tasks.add(pool.submit(() -> {
                    if (failed.get()) return null; // another trio failed: the step is abandoned
                    FileArchive archive =
                            perTrio.archive(databaseDirectory, trioEntries(number), storage, trioName(number));
                    built.add(archive.path());
                    return null;
                }));
            }
            for (int i = 0; i < tasks.size() && failure == null; i++) {
                try {
                    tasks.get(i).get();
                } catch (ExecutionException e) {
                    failure = trioFailure(numbers.get(i), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new SnapshotException("interrupted while archiving the immutable trios", e);
                }
            }
            if (failure != null) {
                failed.set(true);
                pool.shutdownNow();
            }
        } // waits for the tasks still running
        if (failure != null) {
            synchronized (built) {
                for (Path archive : built) deleteQuietly(archive, failure);
            }
            throw failure;
        }
    }

    private static SnapshotException trioFailure(long number, Throwable cause) {
        String message = cause instanceof ArchiveException ? cause.getMessage() : String.valueOf(cause);
        return new SnapshotException("immutable trio " + trioName(number) + ": " + oneLine(message), cause);
    }

    private static List<String> trioEntries(long number) {
        return TRIO_EXTENSIONS.stream()
                .map(extension -> IMMUTABLE_DIR + "/" + trioName(number) + "." + extension)
                .toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // ancillary archive

    /**
     * {@code <baseName>.ancillary.tar.<ext>} in {@code targetDirectory}: the trio N+1 (the one the node still writes),
     * the files of the two most recent ledger state snapshots (latest first), then {@code ancillary_manifest.json}
     * signed by the ancillary signer. The files are copied to a temporary directory first, so that the manifest and
     * the archive see the same bytes. {@link FileArchive#uncompressedSize()} is the artifact's
     * {@code ancillary.size_uncompressed}: the copied files plus the manifest.
     */
    public FileArchive ancillaryArchive(String baseName, long immutableFileNumber, Path targetDirectory)
            throws SnapshotException {
        checkBaseName(baseName);
        String archiveName = baseName + ".ancillary";
        Path temporary = createTemporaryDirectory(TEMP_ANCILLARY_PREFIX);
        try {
            List<String> entries = new ArrayList<>(ancillaryFiles(immutableFileNumber));
            for (String entry : entries) copyIntoTemporary(entry, temporary);
            AncillaryManifest manifest = manifestOf(temporary, entries);
            byte[] signature = signer.sign(manifest.hash());
            if (signature == null || signature.length != 64) {
                throw new SnapshotException("the ancillary signer returned "
                        + (signature == null ? "no signature" : signature.length + " bytes instead of 64"));
            }
            Path manifestFile = temporary.resolve(AncillaryManifest.FILE_NAME);
            writeFile(manifestFile, manifest.toSignedJson(signature).getBytes(StandardCharsets.UTF_8));
            entries.add(AncillaryManifest.FILE_NAME);
            return archive(temporary, entries, targetDirectory, archiveName);
        } finally {
            removeTemporaryDirectory(temporary);
        }
    }

    /** Upstream's ancillary file list: the trio N+1, then the latest two ledger snapshots' files. */
    private List<String> ancillaryFiles(long immutableFileNumber) throws SnapshotException {
        List<String> files = new ArrayList<>(trioEntries(immutableFileNumber + 1));
        Path ledger = databaseDirectory.resolve(LEDGER_DIR);
        if (!Files.isDirectory(ledger)) {
            throw new SnapshotException("no ledger state snapshot: the ledger directory '" + ledger + "' is missing");
        }
        List<LedgerStateSnapshot> snapshots;
        try {
            snapshots = LedgerStateSnapshot.listAll(ledger);
        } catch (IOException e) {
            throw new SnapshotException("can not list the ledger directory '" + ledger + "': " + reason(e), e);
        }
        if (snapshots.isEmpty()) {
            throw new SnapshotException("no ledger state snapshot found in the ledger directory '" + ledger + "'");
        }
        for (LedgerStateSnapshot snapshot : snapshots.reversed().subList(0, Math.min(2, snapshots.size()))) {
            snapshot.relativeFiles().forEach(file -> files.add(LEDGER_DIR + "/" + file));
        }
        return files;
    }

    private void copyIntoTemporary(String entry, Path temporary) throws SnapshotException {
        Path source = databaseDirectory.resolve(entry);
        Path target = temporary.resolve(entry);
        if (Files.exists(source) && !Files.isRegularFile(source)) {
            throw new SnapshotException(
                    "can not copy '" + source + "' for the ancillary archive: it is not a regular file");
        }
        try {
            Files.createDirectories(target.getParent());
            copier.copy(source, target);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String what = cause instanceof NoSuchFileException missing
                            && source.toString().equals(missing.getFile())
                    ? "it is missing"
                    : reason(cause);
            throw new SnapshotException(
                    "can not copy '" + source + "' to '" + target + "' for the ancillary archive: " + what, e);
        }
    }

    private static AncillaryManifest manifestOf(Path root, List<String> entries) throws SnapshotException {
        Map<String, String> data = new LinkedHashMap<>();
        byte[] buffer = new byte[1 << 16];
        MessageDigest sha256 = AncillaryManifest.sha256();
        for (String entry : entries) {
            Path file = root.resolve(entry);
            sha256.reset();
            try (InputStream in = Files.newInputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) sha256.update(buffer, 0, n);
            } catch (IOException e) {
                throw new SnapshotException("can not hash '" + file + "' for the ancillary manifest: " + reason(e), e);
            }
            data.put(entry, HexFormat.of().formatHex(sha256.digest()));
        }
        return AncillaryManifest.of(data);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // digests

    /**
     * {@code <baseName>.digests.tar.<ext>} in {@code targetDirectory}, holding only {@code <baseName>.digests.json} at
     * its root: {@link #digestsJson} of every given digest. {@link FileArchive#uncompressedSize()} is that file's
     * length, the artifact's {@code digests.size_uncompressed}.
     */
    public FileArchive digestsArchive(String baseName, Map<String, String> allDigestsByFileName, Path targetDirectory)
            throws SnapshotException {
        checkBaseName(baseName);
        byte[] json = digestsJson(allDigestsByFileName);
        String fileName = baseName + ".digests.json";
        Path temporary = createTemporaryDirectory(TEMP_DIGESTS_PREFIX);
        try {
            writeFile(temporary.resolve(fileName), json);
            return archive(temporary, List.of(fileName), targetDirectory, baseName + ".digests");
        } finally {
            removeTemporaryDirectory(temporary);
        }
    }

    /**
     * The digests file as upstream writes it: the compact JSON array of
     * {@code {"immutable_file_name":"NNNNN.ext","digest":"<hex>"}}, sorted by file name (UTF-8 byte order).
     */
    public static byte[] digestsJson(Map<String, String> digestsByFileName) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(digestsByFileName.entrySet());
        entries.sort(Comparator.comparing(
                e -> Objects.requireNonNull(e.getKey(), "immutable file name").getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned));
        StringBuilder json = new StringBuilder(2 + entries.size() * 116).append('[');
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, String> entry = entries.get(i);
            if (i > 0) json.append(',');
            json.append("{\"immutable_file_name\":");
            JsonText.appendString(json, entry.getKey());
            json.append(",\"digest\":");
            JsonText.appendString(json, Objects.requireNonNull(entry.getValue(), () -> "digest of " + entry.getKey()));
            json.append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // legacy full snapshot

    /**
     * {@code <baseName>.tar.<ext>} in {@code targetDirectory}: every completed immutable file of the database (all
     * numbers below the highest present), as {@code immutable/NNNNN.ext} in order.
     */
    public FileArchive fullImmutablesArchive(String baseName, Path targetDirectory) throws SnapshotException {
        checkBaseName(baseName);
        List<String> files;
        try {
            files = FileArchiver.completedImmutableFiles(databaseDirectory);
        } catch (IOException | UncheckedIOException e) {
            throw new SnapshotException(
                    "can not list the immutable files of '" + databaseDirectory.resolve(IMMUTABLE_DIR) + "': "
                            + reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e),
                    e);
        }
        if (files.isEmpty()) {
            throw new SnapshotException(
                    "no completed immutable file in '" + databaseDirectory.resolve(IMMUTABLE_DIR) + "'");
        }
        return archive(databaseDirectory, files, targetDirectory, baseName);
    }

    /**
     * The legacy snapshot's two archives, {@code <baseName>.tar.<ext>} and {@code <baseName>.ancillary.tar.<ext>}
     * (ancillary content as {@link #ancillaryArchive}); if the second fails the first is removed.
     */
    public LegacySnapshotArchives legacySnapshotArchives(
            String baseName, long immutableFileNumber, Path targetDirectory) throws SnapshotException {
        FileArchive immutables = fullImmutablesArchive(baseName, targetDirectory);
        try {
            return new LegacySnapshotArchives(
                    immutables, ancillaryArchive(baseName, immutableFileNumber, targetDirectory));
        } catch (SnapshotException | RuntimeException e) {
            deleteQuietly(immutables.path(), e);
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // housekeeping

    /**
     * Removes the temporary directories a crashed process may have left in the work directory (upstream empties its
     * whole pending snapshot directory at start). Call it at start-up, before any snapshot.
     */
    public void removeStaleTemporaryDirectories() throws IOException {
        if (!Files.isDirectory(workDirectory)) return;
        try (Stream<Path> entries = Files.list(workDirectory)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(TEMP_ANCILLARY_PREFIX) || name.startsWith(TEMP_DIGESTS_PREFIX)) {
                    deleteTree(entry);
                }
            }
        }
    }

    private FileArchive archive(Path root, List<String> entries, Path targetDirectory, String name)
            throws SnapshotException {
        try {
            return archiver.archive(root, entries, targetDirectory, name);
        } catch (ArchiveException e) {
            throw new SnapshotException(oneLine(e.getMessage()), e);
        }
    }

    private static void checkBaseName(String baseName) {
        if (baseName == null || baseName.isEmpty() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("archive base name must be a plain file name, got '" + baseName + "'");
        }
    }

    private Path createTemporaryDirectory(String prefix) throws SnapshotException {
        createDirectories(workDirectory, "the snapshot work directory");
        try {
            return Files.createTempDirectory(workDirectory, prefix);
        } catch (IOException e) {
            throw new SnapshotException(
                    "can not create a temporary directory in '" + workDirectory + "': " + reason(e), e);
        }
    }

    private static void createDirectories(Path directory, String what) throws SnapshotException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SnapshotException("can not create " + what + " '" + directory + "': " + reason(e), e);
        }
    }

    private static void writeFile(Path file, byte[] content) throws SnapshotException {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new SnapshotException("can not write '" + file + "': " + reason(e), e);
        }
    }

    private static void removeTemporaryDirectory(Path directory) {
        try {
            deleteTree(directory);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "can not remove the temporary directory ''{0}'': {1}", directory, e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** A short reason for an I/O failure, without the stack of causes. */
    static String reason(IOException e) {
        String reason = switch (e) {
            case NoSuchFileException missing -> "no such file '" + missing.getFile() + "'";
            case AccessDeniedException denied -> "permission denied on '" + denied.getFile() + "'";
            case FileAlreadyExistsException exists -> "'" + exists.getFile() + "' already exists";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
        return oneLine(reason);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
