package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.JsonReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The STM codecs' view of mithril-common's json-hex documents: reading goes through the crypto codecs' one
 * reader ({@link JsonReader}), whose failures become {@link StmException.SerializationError}s here, with typed
 * accessors for the fixed shapes STM values take; writing is a compact writer of byte arrays and u64s.
 */
final class Json {

    private static final StmException.Origin O = StmException.Origin.CODEC;

    private Json() {}

    /** One UTF-8 JSON document as a tree (see {@link JsonReader} for its shape). */
    static Object parse(byte[] utf8) throws StmException.SerializationError {
        try {
            return JsonReader.read(utf8);
        } catch (CodecException e) {
            StmException.SerializationError error = new StmException.SerializationError(O, e.getMessage());
            error.initCause(e);
            throw error;
        }
    }

    private static StmException.SerializationError err(String m) {
        return new StmException.SerializationError(O, "JSON: " + m);
    }

    // ---- typed accessors ---------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object node, String what) throws StmException.SerializationError {
        if (node instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw err(what + " is not an object");
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object node, String what) throws StmException.SerializationError {
        if (node instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw err(what + " is not an array");
    }

    static Object field(Map<String, Object> obj, String key) throws StmException.SerializationError {
        Object v = obj.get(key);
        if (v == null) {
            throw err("missing field '" + key + "'");
        }
        return v;
    }

    /** An unsigned 64-bit integer, returned in a {@code long} (two's complement above 2^63). */
    static long u64(Object node, String what) throws StmException.SerializationError {
        if (node instanceof Long l && l >= 0) {
            return l;
        }
        // the reader gives BigInteger only beyond Long.MAX_VALUE
        if (node instanceof BigInteger b && b.signum() >= 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        throw err(what + " is not a u64");
    }

    /** An array of byte values 0..255; {@code expectedLength < 0} accepts any length. */
    static byte[] bytes(Object node, int expectedLength, String what) throws StmException.SerializationError {
        List<Object> l = array(node, what);
        if (expectedLength >= 0 && l.size() != expectedLength) {
            throw err(what + " must have " + expectedLength + " bytes, has " + l.size());
        }
        byte[] out = new byte[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (l.get(i) instanceof Long v && v >= 0 && v <= 255) {
                out[i] = (byte) (long) v;
            } else {
                throw err(what + " holds a non-byte value");
            }
        }
        return out;
    }

    // ---- writing ------------------------------------------------------------------------------

    static StringBuilder writeBytes(StringBuilder b, byte[] bytes) {
        b.append('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(bytes[i] & 0xff);
        }
        return b.append(']');
    }

    static StringBuilder writeU64(StringBuilder b, long v) {
        return b.append(Long.toUnsignedString(v));
    }

    static String toHex(StringBuilder json) {
        return Bytes.HEX.formatHex(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
