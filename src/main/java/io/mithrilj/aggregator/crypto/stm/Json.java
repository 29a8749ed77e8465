package io.mithrilj.aggregator.crypto.stm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON reader and compact writer for the fixed shapes STM values take in mithril-common's json-hex
 * codec. Objects become {@code LinkedHashMap}, arrays {@code ArrayList}, integers {@code BigInteger}, other
 * numbers {@code BigDecimal}, {@code null} becomes {@link #NULL} (so a present null differs from a missing key).
 */
final class Json {

    /** The JSON literal {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final StmException.Origin O = StmException.Origin.CODEC;

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(byte[] utf8) throws StmException.SerializationError {
        Json p = new Json(new String(utf8, StandardCharsets.UTF_8));
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.pos != p.s.length()) {
            throw err("trailing characters");
        }
        return v;
    }

    private static StmException.SerializationError err(String m) {
        return new StmException.SerializationError(O, "JSON: " + m);
    }

    private void ws() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private Object value(int depth) throws StmException.SerializationError {
        if (depth > 64) {
            throw err("nesting too deep");
        }
        if (pos >= s.length()) {
            throw err("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' -> {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (peek('}')) {
                    pos++;
                    return m;
                }
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    ws();
                    m.put(key, value(depth + 1));
                    ws();
                    if (peek(',')) {
                        pos++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            case '[' -> {
                pos++;
                List<Object> l = new ArrayList<>();
                ws();
                if (peek(']')) {
                    pos++;
                    return l;
                }
                while (true) {
                    ws();
                    l.add(value(depth + 1));
                    ws();
                    if (peek(',')) {
                        pos++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            case '"' -> {
                return string();
            }
            case 'n' -> {
                literal("null");
                return NULL;
            }
            case 't' -> {
                literal("true");
                return Boolean.TRUE;
            }
            case 'f' -> {
                literal("false");
                return Boolean.FALSE;
            }
            default -> {
                return number();
            }
        }
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) throws StmException.SerializationError {
        if (!peek(c)) {
            throw err("expected '" + c + "' at " + pos);
        }
        pos++;
    }

    private void literal(String lit) throws StmException.SerializationError {
        if (!s.startsWith(lit, pos)) {
            throw err("bad literal at " + pos);
        }
        pos += lit.length();
    }

    private String string() throws StmException.SerializationError {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw err("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    throw err("bad escape");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw err("bad unicode escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw err("bad unicode escape");
                        }
                        pos += 4;
                    }
                    default -> throw err("bad escape");
                }
            } else {
                b.append(c);
            }
        }
    }

    private Object number() throws StmException.SerializationError {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        boolean integral = true;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String t = s.substring(start, pos);
        try {
            return integral ? new BigInteger(t) : new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw err("bad number '" + t + "'");
        }
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
            if (l.get(i) instanceof BigInteger b && b.signum() >= 0 && b.bitLength() <= 8) {
                out[i] = (byte) b.intValue();
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
