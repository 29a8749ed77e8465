package io.mithrilj.aggregator.cardano.immutable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    @Override
    public int compareTo(ImmutableFile o) {
        int c = Long.compareUnsigned(number, o.number);
        return c != 0 ? c : path.compareTo(o.path);
    }

    /** The first directory named {@code immutable} under the database root, searched depth-first in name order. */
    public static Optional<Path> findImmutableDir(Path dbRoot) {
        if (!Files.isDirectory(dbRoot)) return Optional.empty();
        try (Stream<Path> walk = Files.walk(dbRoot)) {
            return walk.filter(p -> !p.equals(dbRoot))
                    .filter(p -> p.getFileName().toString().equals(IMMUTABLE_DIR) && Files.isDirectory(p))
                    .min(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every immutable file under the database root, sorted; a stem that is not a number fails the whole listing. */
    public static List<ImmutableFile> listAll(Path dbRoot) {
        Path dir = findImmutableDir(dbRoot)
                .orElseThrow(() -> new ImmutableFileListingException(
                        "Couldn't find the 'immutable' folder in '" + dbRoot + "'", null));
        List<ImmutableFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p)) continue;
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
        } catch (IOException e) {
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
