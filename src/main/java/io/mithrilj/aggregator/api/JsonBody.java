package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import java.math.BigInteger;
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

    /**
     * A u64 field whose value is used: values above {@link Long#MAX_VALUE} (2^63 − 1, the stores' signed 64-bit
     * columns) are refused with a 400 naming the field, never turned negative.
     */
    long u64(String field) {
        BigInteger v = checkU64(root, field);
        if (v.bitLength() > 63) {
            throw ApiException.invalidBody("invalid value for `" + field + "`: " + v
                    + " is above the largest value this aggregator handles (" + Long.MAX_VALUE + ")");
        }
        return v.longValueExact();
    }

    /** A u64 field only checked, every u64 accepted (as upstream's serde does); absent or null is allowed. */
    void optionalU64(String field) {
        JsonNode v = root.get(field);
        if (v != null && !v.isNull()) checkU64(root, field);
    }

    /** An optional u64 field whose value is used (null when absent); above {@link Long#MAX_VALUE} refused as {@link #u64}. */
    Long optionalU64Value(String field) {
        JsonNode v = root.get(field);
        return v == null || v.isNull() ? null : u64(field);
    }

    /** A u64 field only checked, every u64 accepted. */
    void requireU64(String field) {
        checkU64(root, field);
    }

    long u32(String field) {
        BigInteger value = checkU64(root, field);
        if (value.bitLength() > 32) throw ApiException.invalidBody("invalid value for `" + field + "`, expected u32");
        return value.longValueExact();
    }

    /** The exact value of a required u64 field of {@code node}. */
    static BigInteger checkU64(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw ApiException.invalidBody("missing field `" + field + "`");
        if (!v.isIntegralNumber()
                || v.bigIntegerValue().signum() < 0
                || v.bigIntegerValue().bitLength() > 64) {
            throw ApiException.invalidBody("invalid type for `" + field + "`, expected u64");
        }
        return v.bigIntegerValue();
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
