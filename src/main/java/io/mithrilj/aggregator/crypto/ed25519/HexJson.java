package io.mithrilj.aggregator.crypto.ed25519;

import io.mithrilj.aggregator.crypto.CodecException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Helpers for Mithril's two string encodings of crypto objects.
 *
 * <ul>
 *   <li><b>json-hex</b>: lowercase hex of the UTF-8 bytes of a compact JSON document in which
 *       every byte string is a JSON array of decimal integers {@code 0..255}. Decoding trims
 *       surrounding whitespace and accepts either hex case.</li>
 *   <li><b>bytes-hex</b>: lowercase hex of a binary encoding; decoding does not trim.</li>
 * </ul>
 *
 * <p>The JSON reader is deliberately small: objects ({@link Map}, insertion order kept, duplicate
 * keys rejected), arrays ({@link List}), integers ({@link BigInteger}), other numbers
 * ({@link java.math.BigDecimal}), strings, booleans and {@code null}. Trailing non-whitespace
 * content is an error.
 */
public final class HexJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private HexJson() {}

    /** Lowercase hex of {@code bytes}. */
    public static String toHex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Decodes hex (either case, no whitespace, even length). */
    public static byte[] fromHex(String hex) {
        if (hex == null) {
            throw new CodecException("hex string is null");
        }
        if ((hex.length() & 1) != 0) {
            throw new CodecException("hex string has an odd length: " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || hex.charAt(2 * i) > 'f' || hex.charAt(2 * i + 1) > 'f') {
                throw new CodecException("invalid hex character at index " + (2 * i));
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** json-hex of a compact JSON text. */
    public static String jsonToHex(String compactJson) {
        return toHex(compactJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Trims, hex-decodes and parses a json-hex string. */
    public static Object parseJsonHex(String jsonHex) {
        if (jsonHex == null) {
            throw new CodecException("json-hex string is null");
        }
        byte[] utf8 = fromHex(jsonHex.strip());
        return parseJson(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Compact JSON array of the unsigned values of {@code bytes}, e.g. {@code [1,255,0]}. */
    public static String jsonByteArray(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 4 + 2).append('[');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(bytes[i] & 0xFF);
        }
        return sb.append(']').toString();
    }

    /**
     * Reads a JSON array of integers {@code 0..255} into bytes.
     *
     * @param expectedLength required length, or {@code -1} for any length
     */
    public static byte[] toBytes(Object json, int expectedLength, String what) {
        if (!(json instanceof List<?> list)) {
            throw new CodecException(what + ": expected a JSON array of bytes");
        }
        if (expectedLength >= 0 && list.size() != expectedLength) {
            throw new CodecException(what + ": expected " + expectedLength + " bytes, got " + list.size());
        }
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof BigInteger v) || v.signum() < 0 || v.bitLength() > 8) {
                throw new CodecException(what + ": element " + i + " is not an integer 0..255");
            }
            out[i] = (byte) v.intValue();
        }
        return out;
    }

    /** Reads a JSON integer in {@code 0..2^64-1}; the result is the same 64 bits as a {@code long}. */
    public static long toU64(Object json, String what) {
        if (!(json instanceof BigInteger v) || v.signum() < 0 || v.compareTo(U64_MAX) > 0) {
            throw new CodecException(what + ": expected an unsigned 64-bit integer");
        }
        return v.longValue();
    }

    /** A JSON array, or a {@link CodecException}. */
    public static List<?> toList(Object json, int expectedSize, String what) {
        if (!(json instanceof List<?> list)) {
            throw new CodecException(what + ": expected a JSON array");
        }
        if (expectedSize >= 0 && list.size() != expectedSize) {
            throw new CodecException(what + ": expected " + expectedSize + " elements, got " + list.size());
        }
        return list;
    }

    /** A JSON object, or a {@link CodecException}. */
    public static Map<?, ?> toObject(Object json, String what) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new CodecException(what + ": expected a JSON object");
        }
        return map;
    }

    /** The member {@code key} of a JSON object, or a {@link CodecException} if missing. */
    public static Object member(Map<?, ?> object, String key, String what) {
        if (!object.containsKey(key)) {
            throw new CodecException(what + ": missing field '" + key + "'");
        }
        return object.get(key);
    }

    /** Parses one JSON document (whitespace around it allowed). */
    public static Object parseJson(String text) {
        Parser p = new Parser(text);
        p.skipWs();
        Object v = p.value(0);
        p.skipWs();
        if (p.pos != text.length()) {
            throw new CodecException("JSON: trailing characters at " + p.pos);
        }
        return v;
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 128;
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    break;
                }
            }
        }

        CodecException error(String msg) {
            return new CodecException("JSON: " + msg + " at " + pos);
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nesting too deep");
            }
            char c = peek();
            switch (c) {
                case '[':
                    return array(depth);
                case '{':
                    return object(depth);
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        void literal(String word) {
            if (!s.startsWith(word, pos)) {
                throw error("invalid literal");
            }
            pos += word.length();
        }

        List<Object> array(int depth) {
            pos++; // [
            List<Object> out = new ArrayList<>();
            skipWs();
            if (peek() == ']') {
                pos++;
                return out;
            }
            while (true) {
                skipWs();
                out.add(value(depth + 1));
                skipWs();
                char c = peek();
                pos++;
                if (c == ']') {
                    return out;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        Map<String, Object> object(int depth) {
            pos++; // {
            Map<String, Object> out = new LinkedHashMap<>();
            skipWs();
            if (peek() == '}') {
                pos++;
                return Collections.unmodifiableMap(out);
            }
            while (true) {
                skipWs();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                String key = string();
                skipWs();
                if (peek() != ':') {
                    throw error("expected ':'");
                }
                pos++;
                skipWs();
                Object v = value(depth + 1);
                if (out.containsKey(key)) {
                    throw error("duplicate field '" + key + "'");
                }
                out.put(key, v);
                skipWs();
                char c = peek();
                pos++;
                if (c == '}') {
                    return Collections.unmodifiableMap(out);
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        String string() {
            pos++; // opening quote
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("invalid \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("invalid escape");
                }
            }
        }

        Object number() {
            int start = pos;
            if (s.charAt(pos) == '-') {
                pos++;
            }
            int intStart = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == intStart) {
                throw error("invalid number");
            }
            if (s.charAt(intStart) == '0' && pos - intStart > 1) {
                throw error("leading zero in number");
            }
            boolean integral = true;
            if (pos < s.length() && s.charAt(pos) == '.') {
                integral = false;
                pos++;
                int fracStart = pos;
                while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                if (pos == fracStart) {
                    throw error("invalid fraction");
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                integral = false;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                int expStart = pos;
                while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                if (pos == expStart) {
                    throw error("invalid exponent");
                }
            }
            String text = s.substring(start, pos);
            return integral ? new BigInteger(text) : new java.math.BigDecimal(text);
        }
    }

    /**
     * Upstream's codec fallback: decode with the primary form, and only if that fails with the other one;
     * when both fail the error says what was expected and keeps both causes.
     */
    public static <T> T decodeEither(
            String encoded, Function<String, T> primary, Function<String, T> fallback, String expected) {
        try {
            return primary.apply(encoded);
        } catch (CodecException primaryFailure) {
            try {
                return fallback.apply(encoded);
            } catch (CodecException fallbackFailure) {
                fallbackFailure.addSuppressed(primaryFailure);
                throw new CodecException(expected, fallbackFailure);
            }
        }
    }
}
