package io.mithrilj.aggregator.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The JSON-hex codec of upstream {@code ProtocolKey}: lowercase hex of the compact JSON text.
 * {@link #canonicalize(String)} decodes (trimming whitespace, either hex case) and re-encodes the JSON
 * compactly with keys in received order, which is what upstream's decode then re-encode yields for
 * the objects it emits.
 */
public final class JsonHex {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private JsonHex() {}

    public static String encode(String compactJson) {
        return HEX.formatHex(compactJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON text inside a JSON-hex string (not re-formatted). */
    public static String decodeToJson(String jsonHex) {
        String trimmed = jsonHex.strip();
        try {
            return new String(HexFormat.of().parseHex(trimmed), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException("not a hex string", e);
        }
    }

    /** Re-encodes a JSON-hex string as compact JSON-hex; fails when it is not hex of one JSON value. */
    public static String canonicalize(String jsonHex) {
        return encode(compact(decodeToJson(jsonHex)));
    }

    /** Compact form of one JSON value, keys in received order; trailing content is an error. */
    public static String compact(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            StringWriter out = new StringWriter(json.length());
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MessageFormatException("empty JSON");
            }
            try (JsonGenerator gen = FACTORY.createGenerator(out)) {
                gen.copyCurrentStructure(parser);
            }
            if (parser.nextToken() != null) {
                throw new MessageFormatException("trailing content after JSON value");
            }
            return out.toString();
        } catch (IOException e) {
            throw new MessageFormatException("invalid JSON: " + e.getMessage(), e);
        }
    }

    /** Whether the string looks like JSON-hex of a JSON object ({@code 7b} = '{' after trimming). */
    public static boolean looksLikeJsonObject(String hex) {
        String t = hex.strip();
        return t.length() >= 2 && t.regionMatches(true, 0, "7b", 0, 2);
    }
}
