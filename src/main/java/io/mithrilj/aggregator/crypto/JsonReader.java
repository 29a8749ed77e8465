package io.mithrilj.aggregator.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON reader of the crypto codecs: reads the document inside a json-hex string (mithril-common's
 * {@code serde_json} form of keys, signatures and certificates) into a small tree, with Jackson's streaming
 * parser. Objects become unmodifiable {@link Map}s in document order (a repeated member name is an error, as
 * with serde's derived structs), arrays {@link List}s, integers {@link Long} (or {@link java.math.BigInteger}
 * beyond 64 signed bits), other numbers {@link java.math.BigDecimal}, and {@code null} the {@link #NULL} marker
 * so that a present null differs from a missing member.
 */
public final class JsonReader {

    /** The JSON literal {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 128;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    // byte arrays are the bulk of every json-hex document: one shared box per byte value
    private static final Long[] SMALL = new Long[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (long) i;
        }
    }

    private JsonReader() {}

    /** Parses one UTF-8 JSON document (whitespace around it allowed, anything else after it is an error). */
    public static Object read(byte[] utf8) {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new CodecException("JSON: unexpected end at 0");
            }
            Object value = value(p, first);
            if (p.nextToken() != null) {
                throw new CodecException("JSON: trailing characters at "
                        + p.currentTokenLocation().getByteOffset());
            }
            return value;
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new CodecException("JSON: " + e.getOriginalMessage() + " at " + at, e);
        } catch (IOException e) {
            // a byte array cannot fail to read; kept typed all the same
            throw new CodecException("JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new CodecException(
                    "JSON: unexpected end at " + p.currentLocation().getByteOffset());
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default ->
                throw new CodecException("JSON: unexpected " + t + " at "
                        + p.currentTokenLocation().getByteOffset());
        };
    }

    private static Object integer(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> {
                int v = p.getIntValue();
                yield v >= 0 && v < SMALL.length ? SMALL[v] : Long.valueOf(v);
            }
            case LONG -> p.getLongValue();
            default -> p.getBigIntegerValue();
        };
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            out.add(value(p, t));
        }
        return out;
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            if (out.put(name, value(p, p.nextToken())) != null) {
                throw new CodecException("JSON: duplicate field '" + name + "' at "
                        + p.currentTokenLocation().getByteOffset());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
