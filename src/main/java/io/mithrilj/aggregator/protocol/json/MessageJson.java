package io.mithrilj.aggregator.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * JSON text helpers. Messages are kept as text so that key order and number spelling stay exactly as
 * upstream emitted them; trees are order-preserving ({@link ObjectNode}) and floats are read as exact
 * decimals so that a projection rewrites them with the same digits.
 */
public final class MessageJson {

    /** Mapper for order-preserving trees with exact decimals. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private MessageJson() {}

    /** Parse to an order-preserving tree; {@link IllegalArgumentException} when not JSON. */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) throw new IllegalArgumentException("empty JSON document");
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same JSON without insignificant whitespace, every other character kept (key order, number
     * spelling, string escapes). The text must be valid JSON.
     */
    public static String compact(String json) {
        parse(json); // validates
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Upstream's {@code CertificateListItemMessage} from a {@code CertificateMessage}: every field but
     * {@code multi_signature} and {@code genesis_signature}, and in {@code metadata} the {@code signers}
     * list replaced (in place) by {@code total_signers}.
     */
    public static String certificateListItem(String certificateMessage) {
        return certificateListItem(parse(certificateMessage));
    }

    /** The same from the parsed message. */
    public static String certificateListItem(JsonNode certificateMessage) {
        ObjectNode message = (ObjectNode) certificateMessage;
        ObjectNode item = MAPPER.getNodeFactory().objectNode();
        message.properties().forEach(e -> {
            String key = e.getKey();
            if (key.equals("multi_signature") || key.equals("genesis_signature")) return;
            if (key.equals("metadata") && e.getValue().isObject()) {
                ObjectNode metadata = MAPPER.getNodeFactory().objectNode();
                e.getValue().properties().forEach(m -> {
                    if (m.getKey().equals("signers"))
                        metadata.put("total_signers", m.getValue().size());
                    else metadata.set(m.getKey(), m.getValue());
                });
                item.set(key, metadata);
            } else {
                item.set(key, e.getValue());
            }
        });
        return write(item);
    }

    /** The fields {@code keys} of an object message, in that order, absent ones skipped. */
    public static String project(String json, List<String> keys) {
        JsonNode message = parse(json);
        ObjectNode item = MAPPER.getNodeFactory().objectNode();
        for (String key : keys) {
            JsonNode value = message.get(key);
            if (value != null) item.set(key, value);
        }
        return write(item);
    }

    /** Nanoseconds since the Unix epoch of an RFC 3339 timestamp (offsets converted to UTC). */
    public static long epochNanos(String rfc3339) {
        try {
            Instant instant = Instant.parse(rfc3339);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid RFC 3339 timestamp '" + rfc3339 + "'", e);
        }
    }
}
