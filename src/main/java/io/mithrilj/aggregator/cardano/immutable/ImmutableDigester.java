package io.mithrilj.aggregator.cardano.immutable;

import io.mithrilj.aggregator.cardano.immutable.ImmutableDigesterException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstream {@code CardanoImmutableDigester} (artifacts.md §4): the SHA-256 hex digest of every immutable file
 * numbered at most {@code N}, in {@code (number, path)} order. Files are read through a fixed-size buffer, never
 * whole, on a bounded pool of one thread per core; files whose name is in the {@link DigestCache} are not read.
 * Beyond upstream, a trio member missing at or below {@code N} is an error rather than a silently different
 * digest. Close the digester to stop its threads.
 */
public final class ImmutableDigester implements AutoCloseable {

    /** Opens a file for reading: the seam tests use to count or fail reads. */
    @FunctionalInterface
    public interface FileOpener {
        ReadableByteChannel open(Path file) throws IOException;

        FileOpener FILE_CHANNEL = file -> FileChannel.open(file, StandardOpenOption.READ);
    }

    /** One file and its lowercase hex SHA-256 digest. */
    public record FileDigest(ImmutableFile file, String digest) {
        public FileDigest {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(digest, "digest");
        }

        /** The file name, the digest cache key. */
        public String fileName() {
            return file.fileName();
        }
    }

    /**
     * The digests of one computation in §4 order, and how many came from the cache ({@code cacheHits}) or were
     * computed by reading the file ({@code cacheMisses}).
     */
    public record ImmutableDigests(List<FileDigest> entries, int cacheHits, int cacheMisses) {
        public ImmutableDigests {
            entries = List.copyOf(entries);
        }

        /** The hex digests alone, in order: the input of both Cardano database signables. */
        public List<String> digests() {
            return entries.stream().map(FileDigest::digest).toList();
        }

        /** Fraction of the files served by the cache (0 when there is no file). */
        public double cacheHitRate() {
            int total = cacheHits + cacheMisses;
            return total == 0 ? 0 : (double) cacheHits / total;
        }
    }

    /** Read buffer per hashing thread: large enough for few syscalls, small enough to stay in cache. */
    static final int BUFFER_SIZE = 256 * 1024;

    private static final System.Logger LOG = System.getLogger(ImmutableDigester.class.getName());
    private static final List<String> TRIO = List.of("chunk", "primary", "secondary");
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<ByteBuffer> BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER_SIZE));

    private final DigestCache cache;
    private final FileOpener opener;
    private final ExecutorService pool;

    /**
     * @param cache the digest cache, or {@code null} for none
     * @param parallelism the number of files hashed at once (the number of cores is the natural choice)
     * @param opener how files are opened ({@link FileOpener#FILE_CHANNEL} in production)
     */
    public ImmutableDigester(DigestCache cache, int parallelism, FileOpener opener) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        this.cache = cache;
        this.opener = Objects.requireNonNull(opener, "opener");
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread t = new Thread(task, "immutable-digester-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A digester with this cache (or {@code null}) hashing on every core. */
    public ImmutableDigester(DigestCache cache) {
        this(cache, Runtime.getRuntime().availableProcessors(), FileOpener.FILE_CHANNEL);
    }

    /**
     * The digests of the immutable files numbered at most {@code upToNumber} under {@code dbDirectory} (the
     * node database directory or its {@code immutable} directory), in §4 order. Newly computed digests are
     * stored in the cache; a cache that fails is logged and bypassed, as upstream does.
     *
     * @throws ImmutableDigesterException when the directory is missing, the highest file number is below
     *     {@code upToNumber}, a trio member is missing, or a file can not be read
     */
    public ImmutableDigests computeDigests(Path dbDirectory, long upToNumber) {
        List<ImmutableFile> files = filesUpTo(dbDirectory, upToNumber);
        Map<String, String> cached = cachedDigests(files);

        List<Future<String>> computing = new ArrayList<>(files.size());
        for (ImmutableFile file : files) {
            computing.add(cached.containsKey(file.fileName()) ? null : pool.submit(() -> sha256Hex(file)));
        }
        List<FileDigest> entries = new ArrayList<>(files.size());
        Map<String, String> computed = new LinkedHashMap<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                ImmutableFile file = files.get(i);
                Future<String> f = computing.get(i);
                String digest = f == null ? cached.get(file.fileName()) : await(f);
                if (f != null) computed.put(file.fileName(), digest);
                entries.add(new FileDigest(file, digest));
            }
        } finally {
            computing.forEach(f -> {
                if (f != null) f.cancel(true); // no-op for finished ones; stops the rest after a failure
            });
        }
        storeInCache(computed);
        return new ImmutableDigests(entries, files.size() - computed.size(), computed.size());
    }

    /** The files numbered at most {@code upToNumber}, checked complete. */
    static List<ImmutableFile> filesUpTo(Path dbDirectory, long upToNumber) {
        List<ImmutableFile> all;
        try {
            all = ImmutableFile.listAll(dbDirectory);
        } catch (ImmutableFileListingException e) {
            throw new ImmutableDigesterException(
                    Reason.LISTING_FAILED, dbDirectory, "Immutable files listing failed: " + e.getMessage(), e);
        }
        List<ImmutableFile> files = all.stream()
                .filter(f -> Long.compareUnsigned(f.number(), upToNumber) <= 0)
                .toList();
        String upTo = Long.toUnsignedString(upToNumber);
        if (files.isEmpty() || files.getLast().number() != upToNumber) {
            if (files.size() < all.size()) {
                // files above N exist, so N's own trio is the gap
                throw missingFile(all.getLast().path().resolveSibling(String.format("%05d.chunk", upToNumber)), upTo);
            }
            String found =
                    all.isEmpty() ? "none" : Long.toUnsignedString(all.getLast().number());
            throw new ImmutableDigesterException(
                    Reason.NOT_ENOUGH_IMMUTABLE,
                    dbDirectory,
                    "Not enough immutable files in '" + dbDirectory + "': expected immutable file number " + upTo
                            + " but the highest found is " + found,
                    null);
        }
        checkTriosComplete(files, upTo);
        return files;
    }

    /** Every number from the lowest present to the last one must have its chunk, primary and secondary. */
    private static void checkTriosComplete(List<ImmutableFile> files, String upTo) {
        Map<Long, Map<String, ImmutableFile>> byNumber = new TreeMap<>(Long::compareUnsigned);
        for (ImmutableFile f : files) {
            String name = f.fileName();
            byNumber.computeIfAbsent(f.number(), n -> new HashMap<>())
                    .put(name.substring(name.lastIndexOf('.') + 1), f);
        }
        Path dir = files.getFirst().path().getParent();
        long first = files.getFirst().number();
        long last = files.getLast().number();
        for (long n = first; Long.compareUnsigned(n, last) <= 0; n++) {
            Map<String, ImmutableFile> trio = byNumber.getOrDefault(n, Map.of());
            for (String ext : TRIO) {
                if (trio.containsKey(ext)) continue;
                String stem = trio.isEmpty()
                        ? String.format("%05d", n)
                        : stemOf(trio.values().iterator().next());
                throw missingFile(dir.resolve(stem + "." + ext), upTo);
            }
            if (n == last) break; // last may be the highest unsigned value
        }
    }

    private static ImmutableDigesterException missingFile(Path missing, String upTo) {
        return new ImmutableDigesterException(
                Reason.MISSING_FILE,
                missing,
                "Missing immutable file '" + missing.getFileName() + "' in '" + missing.getParent()
                        + "' (every trio up to " + upTo + " is needed)",
                null);
    }

    private static String stemOf(ImmutableFile f) {
        String name = f.fileName();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private Map<String, String> cachedDigests(List<ImmutableFile> files) {
        if (cache == null) return Map.of();
        try {
            Set<String> wanted = new java.util.HashSet<>();
            files.forEach(f -> wanted.add(f.fileName()));
            Map<String, String> hits = new HashMap<>();
            cache.get(wanted).forEach((name, digest) -> {
                if (wanted.contains(name) && digest != null) hits.put(name, digest);
            });
            return hits;
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Error while getting cached immutable files digests: {0}",
                    e.toString());
            return Map.of();
        }
    }

    private void storeInCache(Map<String, String> computed) {
        if (cache == null || computed.isEmpty()) return;
        try {
            cache.put(computed);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Error while storing new immutable files digests to cache: {0}",
                    e.toString());
        }
    }

    private static String await(Future<String> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImmutableDigesterException d) throw d;
            throw new IllegalStateException("immutable file hashing failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while hashing immutable files");
        }
    }

    /** Streams one file through SHA-256 with this thread's buffer. */
    private String sha256Hex(ImmutableFile file) {
        MessageDigest sha256 = newSha256();
        ByteBuffer buffer = BUFFER.get();
        try (ReadableByteChannel in = opener.open(file.path())) {
            while (true) {
                buffer.clear();
                if (in.read(buffer) < 0) break;
                buffer.flip();
                sha256.update(buffer);
            }
        } catch (IOException e) {
            throw new ImmutableDigesterException(
                    Reason.UNREADABLE_FILE, file.path(), "Can not read immutable file '" + file.path() + "': " + e, e);
        }
        return HEX.formatHex(sha256.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
