package io.mithrilj.aggregator.cardano.immutable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One file of the node's immutable database (upstream {@code ImmutableFile}): {@code NNNNN.chunk},
 * {@code .primary} or {@code .secondary}, numbered by its stem. Ordered by number, then path.
 */
public record ImmutableFile(Path path, long number) implements Comparable<ImmutableFile> {

    public static final String IMMUTABLE_DIR = "immutable";

    private static final Set<String> EXTENSIONS = Set.of("chunk", "primary", "secondary");

    /** The file name, e.g. {@code 00042.chunk}: the key of the digest cache and of the digests file. */
    public String fileName() {
        return path.getFileName().toString();
    }

    @Override
    public int compareTo(ImmutableFile o) {
        int c = Long.compareUnsigned(number, o.number);
        return c != 0 ? c : path.compareTo(o.path);
    }

    /**
     * The first directory named {@code immutable} at or under the database root (the root itself counts, as in
     * upstream's walk), searched shallowest first, then in name order; symbolic links are not followed.
     */
    public static Optional<Path> findImmutableDir(Path dbRoot) {
        if (!Files.isDirectory(dbRoot)) return Optional.empty();
        if (isImmutableDirName(dbRoot)) return Optional.of(dbRoot);
        try (Stream<Path> walk = Files.walk(dbRoot)) {
            return walk.filter(p -> !p.equals(dbRoot))
                    .filter(p -> isImmutableDirName(p) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .min(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()));
        } catch (IOException | UncheckedIOException e) {
            throw new ImmutableFileListingException("cannot search '" + dbRoot + "': " + e.getMessage(), e);
        }
    }

    private static boolean isImmutableDirName(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().equals(IMMUTABLE_DIR);
    }

    /**
     * Every immutable file directly in the immutable directory of the database root (no subdirectory, no
     * symbolic link, as upstream's walk of depth 1), sorted; a stem that is not a number fails the whole listing.
     */
    public static List<ImmutableFile> listAll(Path dbRoot) {
        Path dir = findImmutableDir(dbRoot)
                .orElseThrow(() -> new ImmutableFileListingException(
                        "Couldn't find the 'immutable' folder in '" + dbRoot + "'", null));
        List<ImmutableFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot <= 0 || !EXTENSIONS.contains(name.substring(dot + 1))) continue;
                String stem = name.substring(0, dot);
                try {
                    files.add(new ImmutableFile(p, Long.parseUnsignedLong(stem)));
                } catch (NumberFormatException e) {
                    throw new ImmutableFileListingException(
                            "Error while parsing immutable file number of '" + p + "'", e);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImmutableFileListingException("cannot list '" + dir + "': " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** The completed files: all but those with the highest number, the trio the node still writes. */
    public static List<ImmutableFile> listCompleted(Path dbRoot) {
        List<ImmutableFile> all = listAll(dbRoot);
        if (all.isEmpty()) return all;
        long last = all.getLast().number();
        return all.stream()
                .filter(f -> Long.compareUnsigned(f.number(), last) < 0)
                .toList();
    }
}
