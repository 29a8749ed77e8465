package io.mithrilj.aggregator.cardano.cbor;

import io.mithrilj.aggregator.cardano.cbor.CborException.Kind;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming CBOR reader over a byte array (RFC 8949) that never re-encodes: every item's exact bytes are
 * reachable as a {@link CborSpan}, which is what Cardano hashes (block headers, transaction bodies).
 *
 * <p>Hostile input is bounded: a declared length is checked against the bytes left before anything is
 * allocated, nesting is limited to {@link #maxDepth()}, and every problem is a {@link CborException}.
 * Not thread-safe; one reader per input.
 */
public final class CborReader {

    /** Deep enough for every Cardano structure (blocks nest about 12 levels), shallow enough for the stack. */
    public static final int DEFAULT_MAX_DEPTH = 128;

    private final byte[] data;
    private final int limit;
    private final int maxDepth;
    private int pos;

    // the last head read: major type, argument (unsigned) and whether the length was indefinite
    private int major;
    private long argument;
    private boolean indefinite;

    public CborReader(byte[] data) {
        this(data, 0, data.length, DEFAULT_MAX_DEPTH);
    }

    public CborReader(byte[] data, int offset, int length) {
        this(data, offset, length, DEFAULT_MAX_DEPTH);
    }

    public CborReader(byte[] data, int offset, int length, int maxDepth) {
        if (offset < 0 || length < 0 || offset > data.length - length)
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + data.length);
        if (maxDepth < 1) throw new IllegalArgumentException("max depth must be positive");
        this.data = data;
        this.pos = offset;
        this.limit = offset + length;
        this.maxDepth = maxDepth;
    }

    /** Decodes exactly one item filling all of {@code data}. */
    public static CborValue decode(byte[] data) {
        CborReader r = new CborReader(data);
        CborValue v = r.readValue();
        r.expectEnd();
        return v;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int position() {
        return pos;
    }

    public byte[] source() {
        return data;
    }

    public boolean atEnd() {
        return pos >= limit;
    }

    public int remaining() {
        return limit - pos;
    }

    public void expectEnd() {
        if (pos != limit) throw new CborException(Kind.TRAILING_BYTES, pos, (limit - pos) + " bytes after the item");
    }

    /** The type of the next item without consuming it. */
    public CborType peekType() {
        need(1);
        int b = data[pos] & 0xff;
        if (b == 0xff) return CborType.BREAK;
        return CborType.values()[b >>> 5];
    }

    /** True if the next byte is the break code ending an indefinite-length container. */
    public boolean atBreak() {
        need(1);
        return (data[pos] & 0xff) == 0xff;
    }

    public void readBreak() {
        if (!atBreak()) throw unexpected("a break code");
        pos++;
    }

    // ---- heads ----

    private void need(int n) {
        if (limit - pos < n) throw new CborException(Kind.TRUNCATED, pos, "input ends: " + n + " more bytes needed");
    }

    private void readHead() {
        int start = pos;
        need(1);
        int ib = data[pos++] & 0xff;
        major = ib >>> 5;
        int info = ib & 0x1f;
        indefinite = false;
        if (info < 24) {
            argument = info;
        } else if (info == 24) {
            need(1);
            argument = data[pos++] & 0xff;
        } else if (info == 25) {
            need(2);
            argument = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
            pos += 2;
        } else if (info == 26) {
            need(4);
            argument = ((long) (data[pos] & 0xff) << 24)
                    | ((data[pos + 1] & 0xff) << 16)
                    | ((data[pos + 2] & 0xff) << 8)
                    | (data[pos + 3] & 0xff);
            pos += 4;
        } else if (info == 27) {
            need(8);
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (data[pos + i] & 0xff);
            argument = v;
            pos += 8;
        } else if (info == 31 && major >= 2 && major <= 5) {
            indefinite = true;
            argument = -1;
        } else if (info == 31 && major == 7) {
            throw new CborException(Kind.MALFORMED, start, "unexpected break code");
        } else {
            throw new CborException(Kind.MALFORMED, start, "reserved additional information " + info);
        }
    }

    private CborException unexpected(String expected) {
        return new CborException(Kind.UNEXPECTED, pos, "expected " + expected + ", found " + describeNext());
    }

    private String describeNext() {
        if (pos >= limit) return "end of input";
        return peekType().name().toLowerCase() + " (0x" + Integer.toHexString(data[pos] & 0xff) + ")";
    }

    /** A length that must fit in the input: each unit takes at least {@code minBytesEach} bytes. */
    private int checkedLength(long declared, int minBytesEach, int headStart) {
        long left = limit - pos;
        if (declared < 0 || Long.compareUnsigned(declared, left / minBytesEach) > 0)
            throw new CborException(
                    Kind.TRUNCATED,
                    headStart,
                    "declared length " + Long.toUnsignedString(declared) + " exceeds the " + left + " bytes left");
        return (int) declared;
    }

    // ---- scalars ----

    /** An unsigned integer (major 0) that fits in a signed long. */
    public long readUnsigned() {
        int start = pos;
        if (peekType() != CborType.UNSIGNED) throw unexpected("an unsigned integer");
        readHead();
        if (argument < 0)
            throw new CborException(Kind.TOO_LARGE, start, Long.toUnsignedString(argument) + " exceeds a signed long");
        return argument;
    }

    /** An unsigned integer that must fit in an int. */
    public int readSmallUnsigned() {
        int start = pos;
        long v = readUnsigned();
        if (v > Integer.MAX_VALUE) throw new CborException(Kind.TOO_LARGE, start, v + " exceeds an int");
        return (int) v;
    }

    /** An integer (major 0 or 1) that fits in a long. */
    public long readLong() {
        int start = pos;
        CborType t = peekType();
        if (t != CborType.UNSIGNED && t != CborType.NEGATIVE) throw unexpected("an integer");
        readHead();
        if (argument < 0) throw new CborException(Kind.TOO_LARGE, start, "integer exceeds a long");
        return major == 0 ? argument : -1 - argument;
    }

    /** Any integer: majors 0 and 1 and the big-number tags 2 and 3. */
    public BigInteger readBigInteger() {
        CborType t = peekType();
        if (t == CborType.UNSIGNED || t == CborType.NEGATIVE) {
            readHead();
            BigInteger v = unsigned(argument);
            return major == 0 ? v : BigInteger.ONE.negate().subtract(v);
        }
        if (t == CborType.TAG) {
            int start = pos;
            readHead();
            long tag = argument;
            if ((tag == 2 || tag == 3) && peekType() == CborType.BYTES) {
                BigInteger v = new BigInteger(1, readBytes());
                return tag == 2 ? v : BigInteger.ONE.negate().subtract(v);
            }
            pos = start;
        }
        throw unexpected("an integer");
    }

    private static BigInteger unsigned(long v) {
        return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
    }

    /** A byte string, chunks of an indefinite one concatenated. */
    public byte[] readBytes() {
        if (peekType() != CborType.BYTES) throw unexpected("a byte string");
        return readStringBody(2);
    }

    public String readText() {
        if (peekType() != CborType.TEXT) throw unexpected("a text string");
        int start = pos;
        byte[] utf8 = readStringBody(3);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CborException(Kind.MALFORMED, start, "text string is not UTF-8");
        }
    }

    private byte[] readStringBody(int expectedMajor) {
        int start = pos;
        readHead();
        if (!indefinite) {
            int n = checkedLength(argument, 1, start);
            byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return out;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (!atBreak()) {
            int chunkStart = pos;
            readHead();
            if (major != expectedMajor || indefinite)
                throw new CborException(Kind.MALFORMED, chunkStart, "chunk of an indefinite string has another type");
            int n = checkedLength(argument, 1, chunkStart);
            out.write(data, pos, n);
            pos += n;
        }
        pos++;
        return out.toByteArray();
    }

    /** The span of a definite byte string's content, without copying (e.g. a tag-24 embedded item). */
    public CborSpan readBytesSpan() {
        if (peekType() != CborType.BYTES) throw unexpected("a byte string");
        int start = pos;
        readHead();
        if (indefinite) {
            pos = start;
            byte[] joined = readBytes();
            return new CborSpan(joined, 0, joined.length);
        }
        int n = checkedLength(argument, 1, start);
        CborSpan s = new CborSpan(data, pos, pos + n);
        pos += n;
        return s;
    }

    public boolean readBoolean() {
        need(1);
        int b = data[pos] & 0xff;
        if (b == 0xf4 || b == 0xf5) {
            pos++;
            return b == 0xf5;
        }
        throw unexpected("a boolean");
    }

    /** True (and consumed) if the next item is null. */
    public boolean tryReadNull() {
        need(1);
        if ((data[pos] & 0xff) == 0xf6) {
            pos++;
            return true;
        }
        return false;
    }

    // ---- containers ----

    /** An array head: its length, or -1 when indefinite (then read items until {@link #atBreak()}). */
    public int readArrayHeader() {
        if (peekType() != CborType.ARRAY) throw unexpected("an array");
        int start = pos;
        readHead();
        return indefinite ? -1 : checkedLength(argument, 1, start);
    }

    /** An array head that must be definite with exactly {@code expected} items. */
    public void readArrayHeader(int expected, String what) {
        int start = pos;
        int n = readArrayHeader();
        if (n != expected)
            throw new CborException(
                    Kind.UNEXPECTED,
                    start,
                    what + ": expected an array of " + expected + ", found " + (n < 0 ? "an indefinite one" : n));
    }

    /** A map head: its number of pairs, or -1 when indefinite. */
    public int readMapHeader() {
        if (peekType() != CborType.MAP) throw unexpected("a map");
        int start = pos;
        readHead();
        return indefinite ? -1 : checkedLength(argument, 2, start);
    }

    /** True while a container opened with {@code count} (-1 = indefinite) has an item at index {@code i}. */
    public boolean hasNext(int count, int i) {
        if (count >= 0) return i < count;
        if (atBreak()) {
            pos++;
            return false;
        }
        return true;
    }

    public long readTag() {
        if (peekType() != CborType.TAG) throw unexpected("a tag");
        readHead();
        return argument;
    }

    /** Consumes a tag if the next item has one; returns it or -1. */
    public long skipTag() {
        if (peekType() != CborType.TAG) return -1;
        readHead();
        return argument;
    }

    // ---- whole items ----

    /** Skips one complete item (any depth up to the limit) and returns where it started. */
    public int skip() {
        int start = pos;
        skip(0);
        return start;
    }

    private void skip(int depth) {
        if (depth >= maxDepth) throw new CborException(Kind.TOO_DEEP, pos, "nesting deeper than " + maxDepth);
        int start = pos;
        readHead();
        switch (major) {
            case 0, 1 -> {}
            case 2, 3 -> {
                if (!indefinite) {
                    pos += checkedLength(argument, 1, start);
                } else {
                    while (!atBreak()) {
                        int chunkStart = pos;
                        readHead();
                        if (major != ((data[start] & 0xff) >>> 5) || indefinite)
                            throw new CborException(Kind.MALFORMED, chunkStart, "bad chunk in an indefinite string");
                        pos += checkedLength(argument, 1, chunkStart);
                    }
                    pos++;
                }
            }
            case 4, 5 -> {
                boolean map = major == 5;
                if (!indefinite) {
                    int n = checkedLength(argument, map ? 2 : 1, start);
                    for (int i = 0; i < n; i++) {
                        skip(depth + 1);
                        if (map) skip(depth + 1);
                    }
                } else {
                    while (!atBreak()) {
                        skip(depth + 1);
                        if (map) skip(depth + 1);
                    }
                    pos++;
                }
            }
            case 6 -> skip(depth + 1);
            default -> {} // simple values and floats: the head holds them all
        }
    }

    /** Skips one item and returns its exact bytes. */
    public CborSpan readRaw() {
        int start = skip();
        return new CborSpan(data, start, pos);
    }

    /** Reads one item as a tree. */
    public CborValue readValue() {
        return readValue(0);
    }

    private CborValue readValue(int depth) {
        if (depth >= maxDepth) throw new CborException(Kind.TOO_DEEP, pos, "nesting deeper than " + maxDepth);
        int start = pos;
        CborType t = peekType();
        switch (t) {
            case UNSIGNED, NEGATIVE -> {
                return new CborValue.Int(readBigInteger());
            }
            case BYTES -> {
                return new CborValue.Bytes(readBytes());
            }
            case TEXT -> {
                return new CborValue.Text(readText());
            }
            case ARRAY -> {
                int n = readArrayHeader();
                List<CborValue> items = new ArrayList<>(Math.max(0, Math.min(n, 16)));
                for (int i = 0; hasNext(n, i); i++) items.add(readValue(depth + 1));
                return new CborValue.Array(items, n < 0);
            }
            case MAP -> {
                int n = readMapHeader();
                List<CborValue.Entry> entries = new ArrayList<>(Math.max(0, Math.min(n, 16)));
                for (int i = 0; hasNext(n, i); i++) {
                    CborValue k = readValue(depth + 1);
                    entries.add(new CborValue.Entry(k, readValue(depth + 1)));
                }
                return new CborValue.Map(entries, n < 0);
            }
            case TAG -> {
                readHead();
                long tag = argument;
                if (tag == 2 || tag == 3) {
                    if (peekType() == CborType.BYTES) {
                        pos = start;
                        return new CborValue.Int(readBigInteger());
                    }
                }
                return new CborValue.Tag(tag, readValue(depth + 1));
            }
            case SIMPLE -> {
                int ib = data[pos] & 0x1f;
                readHead();
                return switch (ib) {
                    case 25 -> new CborValue.Float(Float.float16ToFloat((short) argument));
                    case 26 -> new CborValue.Float(Float.intBitsToFloat((int) argument));
                    case 27 -> new CborValue.Float(Double.longBitsToDouble(argument));
                    case 24 -> {
                        if (argument < 32)
                            throw new CborException(
                                    Kind.MALFORMED, start, "simple value " + argument + " in two bytes");
                        yield new CborValue.Simple((int) argument);
                    }
                    default -> new CborValue.Simple((int) argument);
                };
            }
            default -> throw new CborException(Kind.MALFORMED, start, "unexpected break code");
        }
    }
}
