package io.mithrilj.aggregator.protocol;

import java.util.Comparator;

/** Upstream's order of party ids and pool ids: Rust {@code String} order, i.e. unsigned UTF-8 bytes. */
public final class PartyIdOrder {
    /**
     * Compares two ids as their UTF-8 bytes would compare, without encoding them: UTF-8 byte order is
     * code point order (unlike {@link String#compareTo}, which orders UTF-16 units).
     */
    public static final Comparator<String> BYTES = PartyIdOrder::compare;

    private PartyIdOrder() {}

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
