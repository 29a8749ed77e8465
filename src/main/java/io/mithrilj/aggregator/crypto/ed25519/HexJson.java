package io.mithrilj.aggregator.crypto.ed25519;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.JsonReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * <p>JSON is read by the crypto codecs' one reader, {@link JsonReader}; the accessors here turn its tree into
 * bytes and integers with {@link CodecException}s naming what is wrong.
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
        return JsonReader.read(fromHex(jsonHex.strip()));
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
            if (!(list.get(i) instanceof Long v) || v < 0 || v > 255) {
                throw new CodecException(what + ": element " + i + " is not an integer 0..255");
            }
            out[i] = (byte) (long) v;
        }
        return out;
    }

    /** Reads a JSON integer in {@code 0..2^64-1}; the result is the same 64 bits as a {@code long}. */
    public static long toU64(Object json, String what) {
        if (json instanceof Long v && v >= 0) {
            return v;
        }
        // the reader gives BigInteger only beyond Long.MAX_VALUE
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
        Object value = object.get(key); // the reader stores a present null as JsonReader.NULL
        if (value == null) {
            throw new CodecException(what + ": missing field '" + key + "'");
        }
        return value;
    }

    /** Parses one JSON document (whitespace around it allowed) with the crypto codecs' {@link JsonReader}. */
    public static Object parseJson(String text) {
        return JsonReader.read(text.getBytes(StandardCharsets.UTF_8));
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
