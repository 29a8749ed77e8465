package io.mithrilj.aggregator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upstream Mithril 2603.1 reference data copied under {@code src/test/resources/upstream/mithril-2603.1}
 * (see its NOTICE): the one place tests and benchmarks find golden vectors.
 */
public final class UpstreamReference {

    private static final String ROOT = "/upstream/mithril-2603.1";

    /**
     * The genesis verification key of upstream's fake aggregator chain (JSON-hex, as the CLI takes it), kept
     * once in {@code upstream/genesis-verification-key.txt} so that tests and benchmarks read the same text.
     */
    public static final String GENESIS_VERIFICATION_KEY =
            resourceText("/upstream/genesis-verification-key.txt").strip();

    private UpstreamReference() {}

    /** The reference folder on the file system (test resources are copied to the test class path). */
    public static Path root() {
        URL url = UpstreamReference.class.getResource(ROOT + "/NOTICE");
        if (url == null) throw new IllegalStateException("test resource " + ROOT + " is not on the class path");
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the reference data, e.g. {@code aggregator-fake-data/certificates.json}. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) throw new IllegalArgumentException("no reference file " + relative + " under " + ROOT);
        return p;
    }

    /** A file of {@code aggregator-fake-data/}. */
    public static Path fakeData(String file) {
        return path("aggregator-fake-data/" + file);
    }

    /** A file of {@code cardano-test-data/}. */
    public static Path cardanoTestData(String relative) {
        return path("cardano-test-data/" + relative);
    }

    /** Upstream's OpenAPI document. */
    public static Path openApi() {
        return path("openapi.yaml");
    }

    private static String resourceText(String resource) {
        try (var in = UpstreamReference.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("test resource " + resource + " is not on the class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a reference file. */
    public static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
