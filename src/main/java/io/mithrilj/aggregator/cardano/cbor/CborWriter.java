package io.mithrilj.aggregator.cardano.cbor;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small CBOR writer (RFC 8949) with shortest-form heads, for the few messages the aggregator sends and for
 * the test doubles. Chainable; {@link #toByteArray()} returns what was written.
 */
public final class CborWriter {

    private byte[] buf = new byte[64];
    private int len;

    private void ensure(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    private CborWriter head(int major, long arg) {
        ensure(9);
        int m = major << 5;
        if (arg >= 0 && arg < 24) {
            buf[len++] = (byte) (m | arg);
        } else if (arg >= 0 && arg < 0x100) {
            buf[len++] = (byte) (m | 24);
            buf[len++] = (byte) arg;
        } else if (arg >= 0 && arg < 0x10000) {
            buf[len++] = (byte) (m | 25);
            buf[len++] = (byte) (arg >>> 8);
            buf[len++] = (byte) arg;
        } else if (arg >= 0 && arg < 0x1_0000_0000L) {
            buf[len++] = (byte) (m | 26);
            for (int s = 24; s >= 0; s -= 8) buf[len++] = (byte) (arg >>> s);
        } else {
            buf[len++] = (byte) (m | 27);
            for (int s = 56; s >= 0; s -= 8) buf[len++] = (byte) (arg >>> s);
        }
        return this;
    }

    /** An unsigned integer; a negative {@code v} is read as its unsigned 64-bit value. */
    public CborWriter unsigned(long v) {
        return head(0, v);
    }

    public CborWriter integer(long v) {
        return v >= 0 ? head(0, v) : head(1, -1 - v);
    }

    /** Any integer; beyond 64 bits as a big number (tag 2 or 3). */
    public CborWriter integer(BigInteger v) {
        BigInteger magnitude = v.signum() >= 0 ? v : BigInteger.ONE.negate().subtract(v);
        int major = v.signum() >= 0 ? 0 : 1;
        if (magnitude.bitLength() <= 64) return head(major, magnitude.longValue());
        byte[] b = magnitude.toByteArray();
        if (b[0] == 0) b = Arrays.copyOfRange(b, 1, b.length);
        return tag(major == 0 ? 2 : 3).bytes(b);
    }

    public CborWriter bytes(byte[] b) {
        head(2, b.length);
        return raw(b);
    }

    public CborWriter text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        head(3, b.length);
        return raw(b);
    }

    public CborWriter array(int n) {
        return head(4, n);
    }

    public CborWriter map(int n) {
        return head(5, n);
    }

    public CborWriter indefiniteArray() {
        ensure(1);
        buf[len++] = (byte) 0x9f;
        return this;
    }

    public CborWriter indefiniteMap() {
        ensure(1);
        buf[len++] = (byte) 0xbf;
        return this;
    }

    public CborWriter indefiniteBytes() {
        ensure(1);
        buf[len++] = (byte) 0x5f;
        return this;
    }

    public CborWriter breakCode() {
        ensure(1);
        buf[len++] = (byte) 0xff;
        return this;
    }

    public CborWriter tag(long t) {
        return head(6, t);
    }

    public CborWriter bool(boolean b) {
        return head(7, b ? 21 : 20);
    }

    public CborWriter nul() {
        return head(7, 22);
    }

    /** Bytes that already are CBOR, written as they are. */
    public CborWriter raw(byte[] b) {
        return raw(b, 0, b.length);
    }

    public CborWriter raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** A tree value, arrays and maps keeping their definite/indefinite form. */
    public CborWriter value(CborValue v) {
        switch (v) {
            case CborValue.Int i -> integer(i.value());
            case CborValue.Bytes b -> bytes(b.value());
            case CborValue.Text t -> text(t.value());
            case CborValue.Array a -> {
                if (a.indefinite()) indefiniteArray();
                else array(a.size());
                a.items().forEach(this::value);
                if (a.indefinite()) breakCode();
            }
            case CborValue.Map m -> {
                if (m.indefinite()) indefiniteMap();
                else map(m.entries().size());
                for (CborValue.Entry e : m.entries()) value(e.key()).value(e.value());
                if (m.indefinite()) breakCode();
            }
            case CborValue.Tag t -> tag(t.tag()).value(t.content());
            case CborValue.Simple s -> {
                if (s.value() < 24) head(7, s.value());
                else {
                    ensure(2);
                    buf[len++] = (byte) 0xf8;
                    buf[len++] = (byte) s.value();
                }
            }
            case CborValue.Float f -> {
                ensure(9);
                buf[len++] = (byte) 0xfb;
                long bits = Double.doubleToRawLongBits(f.value());
                for (int s = 56; s >= 0; s -= 8) buf[len++] = (byte) (bits >>> s);
            }
        }
        return this;
    }

    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** One value's encoding. */
    public static byte[] encode(CborValue v) {
        return new CborWriter().value(v).toByteArray();
    }
}
