package io.mithrilj.aggregator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test resources the tests read, for the benchmarks (the jmh profile puts src/test/resources/upstream on the class path). */
public final class BenchResources {

    private BenchResources() {}

    /** The text of a class-path resource, e.g. {@code /upstream/genesis-verification-key.txt}. */
    public static String text(String name) {
        try (var in = BenchResources.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the class path (run with -Pjmh)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
