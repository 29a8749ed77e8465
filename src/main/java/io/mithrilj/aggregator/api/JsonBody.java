package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A JSON request body, checked the way upstream's {@code warp::body::json()} and serde do: a JSON
 * content type when one is given, a JSON object, required fields of the right types. Failures are 4xx
 * {@link ApiException}s whose message names the problem.
 */
final class JsonBody {

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody parse(String contentType, String body) {
        if (contentType != null && !contentType.isBlank()) {
            String essence = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!essence.equals("application/json")) {
                throw new ApiException.ClientError(
                        415,
                        "unsupported_media_type",
                        "Unsupported content type '" + contentType + "', expected application/json");
            }
        }
        if (body == null || body.isBlank()) throw ApiException.invalidBody("EOF while parsing a value: empty body");
        JsonNode root;
        try {
            root = MessageJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidBody(e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw ApiException.invalidBody("expected a JSON object");
        return new JsonBody(root);
    }

    JsonNode root() {
        return root;
    }

    String string(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) throw ApiException.invalidBody("missing field `" + field + "`");
        if (!v.isTextual()) throw ApiException.invalidBody("invalid type for `" + field + "`, expected a string");
        return v.asText();
    }

    String optionalString(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ApiException.invalidBody("invalid type for `" + field + "`, expected a string");
        return v.asText();
    }

    long u64(String field) {
        return u64(root, field, true);
    }

    Long optionalU64(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return null;
        return u64(root, field, true);
    }

    long u32(String field) {
        long value = u64(root, field, true);
        if (Long.compareUnsigned(value, 0xFFFF_FFFFL) > 0)
            throw ApiException.invalidBody("invalid value for `" + field + "`, expected u32");
        return value;
    }

    static long u64(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw ApiException.invalidBody("missing field `" + field + "`");
        if (!v.isIntegralNumber()
                || v.bigIntegerValue().signum() < 0
                || v.bigIntegerValue().bitLength() > 64) {
            throw ApiException.invalidBody("invalid type for `" + field + "`, expected u64");
        }
        return v.bigIntegerValue().longValue();
    }

    void stringArray(String field, boolean required) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiException.invalidBody("missing field `" + field + "`");
            return;
        }
        if (!v.isArray()) throw ApiException.invalidBody("invalid type for `" + field + "`, expected a sequence");
        for (JsonNode item : v) {
            if (!item.isTextual()) throw ApiException.invalidBody("invalid type in `" + field + "`, expected strings");
        }
    }

    void u64Array(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) throw ApiException.invalidBody("missing field `" + field + "`");
        if (!v.isArray()) throw ApiException.invalidBody("invalid type for `" + field + "`, expected a sequence");
        for (JsonNode item : v) {
            if (!item.isIntegralNumber()
                    || item.bigIntegerValue().signum() < 0
                    || item.bigIntegerValue().bitLength() > 64) {
                throw ApiException.invalidBody("invalid type in `" + field + "`, expected u64 values");
            }
        }
    }

    /** Whether a text is non-empty, even-length hexadecimal (the outer layer of JSON-hex and bytes-hex). */
    static boolean isHex(String text) {
        if (text == null) return false;
        String t = text.trim();
        if (t.isEmpty() || t.length() % 2 != 0) return false;
        try {
            HexFormat.of().parseHex(t);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
