package io.mithrilj.aggregator.cardano.cbor;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The exact bytes of one item as they were received, {@code [start, end)} of a shared source array: what is
 * hashed for block and transaction ids, so it is never re-encoded.
 */
public record CborSpan(byte[] source, int start, int end) {

    public CborSpan {
        if (start < 0 || end < start || end > source.length)
            throw new IndexOutOfBoundsException("span " + start + ".." + end + " of " + source.length);
    }

    public int length() {
        return end - start;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return Arrays.copyOfRange(source, start, end);
    }

    /** A reader over just these bytes. */
    public CborReader reader() {
        return new CborReader(source, start, end - start);
    }

    public String hex() {
        return HexFormat.of().formatHex(source, start, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CborSpan s && Arrays.equals(source, start, end, s.source, s.start, s.end);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = start; i < end; i++) h = 31 * h + source[i];
        return h;
    }

    @Override
    public String toString() {
        return "CborSpan[" + (length() <= 64 ? hex() : hex().substring(0, 128) + "…(" + length() + " bytes)") + "]";
    }
}
