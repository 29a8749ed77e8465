package io.mithrilj.aggregator.crypto.ed25519;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates and reads the upstream 2603.1 reference data (test helper). */
public final class ReferenceData {
    private ReferenceData() {}

    public static Path dir() {
        String prop = System.getProperty("mithril.reference.dir");
        Path dir = prop != null && !prop.isBlank()
                ? Path.of(prop)
                : Path.of("..", "shared", "reference", "mithril-2603.1");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("reference data not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static String read(String relative) {
        try {
            return Files.readString(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference JSON file parsed with {@link HexJson#parseJson}. */
    public static Object json(String relative) {
        return HexJson.parseJson(read(relative));
    }
}
