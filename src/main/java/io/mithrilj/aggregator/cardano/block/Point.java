package io.mithrilj.aggregator.cardano.block;

import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A point of the chain as the mini-protocols carry it (pallas {@code Point}): the origin {@code []} or
 * {@code [slot, headerHash]}.
 */
public record Point(long slot, byte[] hash) {

    public static final Point ORIGIN = new Point(0, new byte[0]);

    public Point {
        hash = hash.clone();
    }

    public static Point of(long slot, String hashHex) {
        return new Point(slot, HexFormat.of().parseHex(hashHex));
    }

    public boolean isOrigin() {
        return hash.length == 0;
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public static Point read(CborReader r) {
        int start = r.position();
        int n = r.readArrayHeader();
        if (n == 0) return ORIGIN;
        if (n != 2)
            throw new CborException(CborException.Kind.UNEXPECTED, start, "a point has 0 or 2 elements, not " + n);
        long slot = r.readUnsigned();
        return new Point(slot, r.readBytes());
    }

    public CborWriter write(CborWriter w) {
        return isOrigin() ? w.array(0) : w.array(2).unsigned(slot).bytes(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && p.slot == slot && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(slot) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return isOrigin() ? "Point[origin]" : "Point[" + slot + ", " + hashHex() + "]";
    }
}
