package io.mithrilj.aggregator.artifact.archive;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.mithrilj.aggregator.artifact.archive.ArchiveException.Reason;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The snapshot archiver (upstream {@code FileArchiver}): writes the given files as a tar stream through the
 * configured compressor to {@code <name>.tar.tmp}, verifies it by decoding and unpacking every entry, then renames
 * it atomically to {@code <name>.tar.zst} or {@code <name>.tar.gz}. Everything is streamed through fixed buffers.
 * On any failure the temporary files are removed and an existing file under the final name is left untouched.
 */
public final class FileArchiver {
    private static final int BUFFER_SIZE = 1 << 16;
    /**
     * The input of one zstd worker's job. zstd's own choice is 4 windows (16 MiB at level 9), and it keeps some seven
     * jobs of input and as many of output in memory: 203 MB of native memory with 4 workers, against 96 MB with 4 MiB
     * jobs, for the same CPU and size (bench/zstd-job-memory.sh, docs/benchmarks.md, issue 20). Each job still starts
     * with the end of the previous one as its history (zstd's overlap), so matches across jobs are found as before.
     */
    static final int ZSTD_JOB_SIZE = 4 << 20;
    /**
     * The highest level whose window is at most {@link #ZSTD_JOB_SIZE} for large inputs (zstd's table of default
     * parameters: 4 MiB windows up to level 16, 8 MiB and more from 17). Above it a job that small would hold less
     * than a window, so zstd keeps its own job size there.
     */
    static final int ZSTD_SMALL_JOBS_UP_TO_LEVEL = 16;

    private static final Pattern IMMUTABLE_FILE = Pattern.compile("(\\d+)\\.(chunk|primary|secondary)");
    private static final List<String> TRIO_EXTENSIONS = List.of("chunk", "primary", "secondary");

    /** Wraps the stream of the temporary archive file: the seam through which tests inject failures. */
    @FunctionalInterface
    interface ArchiveOutput {
        OutputStream wrap(OutputStream file) throws IOException;
    }

    private final ArchiveSettings settings;
    private final Path verificationDirectory;
    private final ArchiveOutput archiveOutput;

    /**
     * @param verificationDirectory where archives are unpacked to be verified (a sub-directory per archive, removed
     *     afterwards)
     */
    public FileArchiver(ArchiveSettings settings, Path verificationDirectory) {
        this(settings, verificationDirectory, out -> out);
    }

    FileArchiver(ArchiveSettings settings, Path verificationDirectory, ArchiveOutput archiveOutput) {
        this.settings = Objects.requireNonNull(settings);
        this.verificationDirectory = Objects.requireNonNull(verificationDirectory);
        this.archiveOutput = Objects.requireNonNull(archiveOutput);
    }

    public ArchiveSettings settings() {
        return settings;
    }

    /**
     * This archiver compressing on its calling thread only (zstd without workers; gzip is so already): for archives
     * made several at once, one per core, where zstd's workers would add a compression context and job buffers each
     * and no speed.
     */
    public FileArchiver singleThreaded() {
        if (settings.algorithm() != CompressionAlgorithm.ZSTANDARD || settings.zstdWorkers() == 0) return this;
        return new FileArchiver(
                ArchiveSettings.zstandard(settings.zstdLevel(), 0), verificationDirectory, archiveOutput);
    }

    /**
     * The completed immutable trios of a database directory, as archive paths {@code immutable/NNNNN.ext} in
     * (number, extension) order: every number below the highest present, the last one being still written by the
     * node (artifacts.md §5.3).
     */
    public static List<String> completedImmutableFiles(Path databaseDirectory) throws IOException {
        Path immutable = databaseDirectory.resolve("immutable");
        List<String> names;
        try (Stream<Path> files = Files.list(immutable)) {
            names = files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> f.getFileName().toString())
                    .filter(n -> IMMUTABLE_FILE.matcher(n).matches())
                    .toList();
        }
        long highest = names.stream().mapToLong(FileArchiver::number).max().orElse(-1);
        return names.stream()
                .filter(n -> number(n) < highest)
                .sorted(Comparator.comparingLong(FileArchiver::number)
                        .thenComparingInt(n -> TRIO_EXTENSIONS.indexOf(extension(n))))
                .map(n -> "immutable/" + n)
                .toList();
    }

    private static long number(String name) {
        Matcher m = IMMUTABLE_FILE.matcher(name);
        if (!m.matches()) throw new IllegalStateException(name);
        return Long.parseLong(m.group(1));
    }

    private static String extension(String name) {
        return name.substring(name.indexOf('.') + 1);
    }

    /**
     * Archives {@code relativePaths} (regular files under {@code sourceRoot}, stored under these names in this order)
     * as {@code <targetDirectory>/<baseName>.<ext>}.
     */
    public FileArchive archive(Path sourceRoot, List<String> relativePaths, Path targetDirectory, String baseName)
            throws ArchiveException {
        Path target =
                targetDirectory.resolve(baseName + "." + settings.algorithm().tarFileExtension());
        Path temporary = targetDirectory.resolve(baseName + ".tar.tmp");
        List<Source> sources = sources(sourceRoot, relativePaths, target);
        try {
            Files.createDirectories(targetDirectory);
        } catch (IOException e) {
            throw new ArchiveException(
                    Reason.WRITE_FAILED, target, null, "can not create directory '" + targetDirectory + "'", e);
        }
        try {
            List<Written> written = write(sources, temporary, target);
            long archiveSize = Files.size(temporary);
            verify(temporary, written, target);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new ArchiveException(
                        Reason.PUBLICATION_FAILED, target, null, "can not rename '" + temporary + "' to it", e);
            }
            long uncompressed = written.stream().mapToLong(Written::size).sum();
            return new FileArchive(target, archiveSize, uncompressed, settings.algorithm());
        } catch (ArchiveException e) {
            deleteQuietly(temporary, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            throw new ArchiveException(Reason.WRITE_FAILED, target, null, e.toString(), e);
        }
    }

    private record Source(String name, Path file) {}

    private record Written(String name, long size, byte[] sha256) {}

    private static List<Source> sources(Path root, List<String> relativePaths, Path target) throws ArchiveException {
        if (relativePaths.isEmpty()) {
            throw new ArchiveException(Reason.INVALID_INPUT, target, null, "no file to archive", null);
        }
        List<Source> sources = new ArrayList<>(relativePaths.size());
        for (String name : relativePaths) {
            Path relative = Path.of(name);
            boolean escapes = relative.isAbsolute()
                    || name.isEmpty()
                    || name.contains("\\")
                    || !relative.normalize().equals(relative)
                    || !relative.toString().equals(name)
                    || relative.startsWith("..");
            if (escapes) {
                throw new ArchiveException(
                        Reason.INVALID_INPUT,
                        target,
                        null,
                        "'" + name + "' is not a normalized relative path under '" + root + "'",
                        null);
            }
            sources.add(new Source(name, root.resolve(relative)));
        }
        return sources;
    }

    private List<Written> write(List<Source> sources, Path temporary, Path target)
            throws IOException, ArchiveException {
        List<Written> written = new ArrayList<>(sources.size());
        byte[] buffer = new byte[BUFFER_SIZE];
        MessageDigest sha256 = sha256();
        try (OutputStream file = archiveOutput.wrap(Files.newOutputStream(temporary));
                OutputStream compressed = compressor(new BufferedOutputStream(file, BUFFER_SIZE));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Source source : sources) {
                written.add(append(tar, source, buffer, sha256, target));
            }
            tar.finish();
        }
        return written;
    }

    private Written append(TarArchiveOutputStream tar, Source source, byte[] buffer, MessageDigest sha256, Path target)
            throws IOException, ArchiveException {
        if (!Files.isRegularFile(source.file(), LinkOption.NOFOLLOW_LINKS)) {
            String what =
                    Files.exists(source.file(), LinkOption.NOFOLLOW_LINKS) ? "is not a regular file" : "is missing";
            throw new ArchiveException(
                    Reason.UNREADABLE_SOURCE,
                    target,
                    source.file(),
                    "source file '" + source.file() + "' " + what,
                    null);
        }
        try (InputStream in = Files.newInputStream(source.file())) {
            // metadata (size, mode, mtime, owner) taken from the file, as upstream's tar builder does
            TarArchiveEntry entry = new TarArchiveEntry(source.file(), source.name(), LinkOption.NOFOLLOW_LINKS);
            // plain GNU headers as upstream: no PAX records for the times tar headers can not hold
            entry.setCreationTime(null);
            entry.setLastAccessTime(null);
            entry.setStatusChangeTime(null);
            long size = entry.getSize();
            tar.putArchiveEntry(entry);
            sha256.reset();
            long copied = 0;
            while (copied < size) {
                int n = readSource(in, buffer, (int) Math.min(buffer.length, size - copied), source, target);
                if (n < 0) {
                    throw new ArchiveException(
                            Reason.UNREADABLE_SOURCE,
                            target,
                            source.file(),
                            "source file '" + source.file() + "' ended after " + copied + " of " + size + " bytes",
                            null);
                }
                sha256.update(buffer, 0, n);
                tar.write(buffer, 0, n);
                copied += n;
            }
            tar.closeArchiveEntry();
            return new Written(source.name(), size, sha256.digest());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw unreadable(source, target, e);
        }
    }

    private static ArchiveException unreadable(Source source, Path target, Exception cause) {
        return new ArchiveException(
                Reason.UNREADABLE_SOURCE,
                target,
                source.file(),
                "can not read source file '" + source.file() + "'",
                cause);
    }

    private static int readSource(InputStream in, byte[] buffer, int length, Source source, Path target)
            throws ArchiveException {
        try {
            return in.read(buffer, 0, length);
        } catch (IOException e) {
            throw unreadable(source, target, e);
        }
    }

    /** The job size given to zstd for a level with workers, or 0 for zstd's own. */
    static int zstdJobSize(int level, int workers) {
        return workers > 0 && level <= ZSTD_SMALL_JOBS_UP_TO_LEVEL ? ZSTD_JOB_SIZE : 0;
    }

    private OutputStream compressor(OutputStream out) throws IOException {
        return switch (settings.algorithm()) {
            case GZIP ->
                new GZIPOutputStream(out, BUFFER_SIZE) {
                    {
                        def.setLevel(ArchiveSettings.GZIP_LEVEL);
                    }
                };
            case ZSTANDARD -> {
                ZstdOutputStream zstd = new ZstdOutputStream(out, RecyclingBufferPool.INSTANCE);
                zstd.setLevel(settings.zstdLevel());
                zstd.setWorkers(settings.zstdWorkers());
                int jobSize = zstdJobSize(settings.zstdLevel(), settings.zstdWorkers());
                if (jobSize > 0) zstd.setJobSize(jobSize);
                yield zstd;
            }
        };
    }

    private InputStream decompressor(InputStream in) throws IOException {
        return switch (settings.algorithm()) {
            case GZIP -> new GZIPInputStream(in, BUFFER_SIZE);
            case ZSTANDARD -> new ZstdInputStream(in, RecyclingBufferPool.INSTANCE);
        };
    }

    /** Decodes the archive and unpacks every entry to a temporary file: names, sizes and SHA-256 must match. */
    private void verify(Path archive, List<Written> expected, Path target) throws ArchiveException, IOException {
        Path unpackDirectory =
                verificationDirectory.resolve(archive.getFileName().toString());
        try {
            Files.createDirectories(unpackDirectory);
        } catch (IOException e) {
            throw new ArchiveException(
                    Reason.VERIFICATION_FAILED,
                    target,
                    null,
                    "can not create '" + unpackDirectory + "' to unpack it",
                    e);
        }
        Path unpacked = unpackDirectory.resolve("unpack.tmp");
        byte[] buffer = new byte[BUFFER_SIZE];
        MessageDigest sha256 = sha256();
        try (InputStream in = decompressor(new BufferedInputStream(Files.newInputStream(archive), BUFFER_SIZE));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            int index = 0;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (index >= expected.size()) {
                    throw mismatch(
                            target, "unexpected entry '" + entry.getName() + "' after the " + index + " written");
                }
                Written want = expected.get(index++);
                if (!entry.getName().equals(want.name()) || entry.getSize() != want.size()) {
                    throw mismatch(
                            target,
                            "entry " + index + " is '" + entry.getName() + "' (" + entry.getSize()
                                    + " bytes), expected '" + want.name() + "' (" + want.size() + " bytes)");
                }
                sha256.reset();
                long read = 0;
                try (OutputStream out = Files.newOutputStream(unpacked)) {
                    for (int n = tar.read(buffer); n >= 0; n = tar.read(buffer)) {
                        writeUnpacked(out, buffer, n, unpacked, target);
                        sha256.update(buffer, 0, n);
                        read += n;
                    }
                }
                if (read != want.size() || !Arrays.equals(sha256.digest(), want.sha256())) {
                    throw mismatch(target, "content of entry '" + want.name() + "' differs from its source");
                }
                Files.delete(unpacked);
            }
            if (index != expected.size()) {
                throw mismatch(target, "holds " + index + " entries, " + expected.size() + " were written");
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // a decoder or tar reader rejecting the bytes: the archive is corrupt
            throw new ArchiveException(Reason.VERIFICATION_FAILED, target, null, "does not decode: " + e, e);
        } finally {
            deleteTree(unpackDirectory);
        }
    }

    // kept apart from decoding errors so that a full verification disk is not reported as a corrupt archive
    private static void writeUnpacked(OutputStream out, byte[] buffer, int n, Path unpacked, Path target)
            throws ArchiveException {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new ArchiveException(
                    Reason.VERIFICATION_FAILED, target, null, "can not unpack an entry to '" + unpacked + "': " + e, e);
        }
    }

    private static ArchiveException mismatch(Path target, String message) {
        return new ArchiveException(Reason.VERIFICATION_FAILED, target, null, "verification failed: " + message, null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
