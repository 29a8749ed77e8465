package io.mithrilj.aggregator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** Upstream's order of party ids and pool ids: Rust {@code String} order, i.e. unsigned UTF-8 bytes. */
public final class PartyIdOrder {
    /** Compares two ids byte by byte. */
    public static final Comparator<String> BYTES =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private PartyIdOrder() {}
}
