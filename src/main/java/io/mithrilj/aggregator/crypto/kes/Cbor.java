package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The few CBOR items an operational certificate uses: unsigned integers (major type 0), byte
 * strings (2, definite or indefinite) and arrays (4, definite or indefinite). Decoded integers are
 * {@link BigInteger}, byte strings {@code byte[]}, arrays {@link List}.
 */
final class Cbor {
    private static final int MAX_DEPTH = 16;

    private Cbor() {}

    // ---- writer (canonical: shortest lengths, definite lengths) ----

    static void writeHead(ByteArrayOutputStream out, int major, long value) {
        int m = major << 5;
        if (Long.compareUnsigned(value, 24) < 0) {
            out.write(m | (int) value);
        } else if (Long.compareUnsigned(value, 0x100) < 0) {
            out.write(m | 24);
            out.write((int) value);
        } else if (Long.compareUnsigned(value, 0x10000) < 0) {
            out.write(m | 25);
            writeBigEndian(out, value, 2);
        } else if (Long.compareUnsigned(value, 0x100000000L) < 0) {
            out.write(m | 26);
            writeBigEndian(out, value, 4);
        } else {
            out.write(m | 27);
            writeBigEndian(out, value, 8);
        }
    }

    private static void writeBigEndian(ByteArrayOutputStream out, long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    static void writeUnsigned(ByteArrayOutputStream out, long value) {
        writeHead(out, 0, value);
    }

    static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeHead(out, 2, bytes.length);
        out.writeBytes(bytes);
    }

    static void writeArrayHeader(ByteArrayOutputStream out, int size) {
        writeHead(out, 4, size);
    }

    // ---- reader ----

    /** Reads the first data item of {@code bytes}; trailing bytes are ignored, as ciborium does. */
    static Object readFirst(byte[] bytes) {
        return new Reader(bytes).item(0);
    }

    private static final class Reader {
        private static final Object BREAK = new Object();
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        private int next() {
            if (pos >= b.length) {
                throw new CodecException("CBOR: unexpected end of input");
            }
            return b[pos++] & 0xff;
        }

        /** The argument of an initial byte (0 for the indefinite-length marker, info 31). */
        private long argument(int info) {
            if (info < 24) {
                return info;
            }
            int n = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                case 31 -> 0;
                default -> throw new CodecException("CBOR: reserved additional information " + info);
            };
            if (n == 0) {
                return 0;
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | next();
            }
            return v;
        }

        private int length(long arg) {
            if (Long.compareUnsigned(arg, b.length - pos) > 0) {
                throw new CodecException("CBOR: length exceeds input");
            }
            return (int) arg;
        }

        Object item(int depth) {
            if (depth > MAX_DEPTH) {
                throw new CodecException("CBOR: nesting too deep");
            }
            int initial = next();
            int major = initial >>> 5;
            int info = initial & 31;
            if (initial == 0xff) {
                return BREAK;
            }
            long arg = argument(info);
            boolean indefinite = info == 31;
            switch (major) {
                case 0:
                    if (indefinite) {
                        throw new CodecException("CBOR: indefinite integer");
                    }
                    return new BigInteger(Long.toUnsignedString(arg));
                case 2:
                    if (!indefinite) {
                        int n = length(arg);
                        byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
                        pos += n;
                        return out;
                    }
                    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                    while (true) {
                        Object chunk = item(depth + 1);
                        if (chunk == BREAK) {
                            return chunks.toByteArray();
                        }
                        if (!(chunk instanceof byte[] c)) {
                            throw new CodecException("CBOR: non-bytes chunk in indefinite byte string");
                        }
                        chunks.writeBytes(c);
                    }
                case 4:
                    List<Object> list = new ArrayList<>();
                    if (!indefinite) {
                        int n = length(arg);
                        for (int i = 0; i < n; i++) {
                            Object v = item(depth + 1);
                            if (v == BREAK) {
                                throw new CodecException("CBOR: unexpected break");
                            }
                            list.add(v);
                        }
                        return list;
                    }
                    while (true) {
                        Object v = item(depth + 1);
                        if (v == BREAK) {
                            return list;
                        }
                        list.add(v);
                    }
                default:
                    throw new CodecException("CBOR: unsupported major type " + major);
            }
        }
    }
}
