package io.mithrilj.aggregator.cardano.cbor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A decoded CBOR data item as a tree (RFC 8949 data model). Equality is by logical value: the head widths
 * and chunking of the original bytes are not kept here; {@link CborReader#readRaw()} keeps those.
 */
public sealed interface CborValue {

    /** Major types 0 and 1, and big numbers (tags 2 and 3) folded in. */
    record Int(BigInteger value) implements CborValue {
        public Int {
            Objects.requireNonNull(value);
        }

        public static Int of(long v) {
            return new Int(BigInteger.valueOf(v));
        }

        public long longValue() {
            return value.longValueExact();
        }
    }

    /** A byte string (definite or chunked). */
    record Bytes(byte[] value) implements CborValue {
        public Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "h'" + HexFormat.of().formatHex(value) + "'";
        }
    }

    /** A UTF-8 text string (definite or chunked). */
    record Text(String value) implements CborValue {}

    /** An array; {@code indefinite} says how its length was written. */
    record Array(List<CborValue> items, boolean indefinite) implements CborValue {
        public Array {
            items = List.copyOf(items);
        }

        public static Array of(CborValue... items) {
            return new Array(List.of(items), false);
        }

        public CborValue get(int i) {
            return items.get(i);
        }

        public int size() {
            return items.size();
        }
    }

    /** A map with its entries in the order written (duplicate keys are kept, as the wire allows them). */
    record Map(List<Entry> entries, boolean indefinite) implements CborValue {
        public Map {
            entries = List.copyOf(entries);
        }
    }

    /** One key/value pair of a map. */
    record Entry(CborValue key, CborValue value) {}

    /** A tagged item, except tags 2 and 3 which become {@link Int}. */
    record Tag(long tag, CborValue content) implements CborValue {}

    /** A simple value: 20 false, 21 true, 22 null, 23 undefined, others unassigned. */
    record Simple(int value) implements CborValue {
        public static final Simple FALSE = new Simple(20);
        public static final Simple TRUE = new Simple(21);
        public static final Simple NULL = new Simple(22);
    }

    /** A half, single or double precision float, widened to double. */
    record Float(double value) implements CborValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof Float f && Double.compare(value, f.value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }
}
