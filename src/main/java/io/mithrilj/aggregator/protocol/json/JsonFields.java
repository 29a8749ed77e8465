package io.mithrilj.aggregator.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/** Field readers and the u64 writer shared by the message codecs; failures name the field. */
final class JsonFields {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private JsonFields() {}

    static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new MessageFormatException(what + ": expected a JSON object");
        }
    }

    static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw new MessageFormatException("missing field '" + name + "'");
        }
        return v;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isTextual()) {
            throw new MessageFormatException("field '" + name + "': expected a string");
        }
        return v.textValue();
    }

    static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new MessageFormatException("field '" + name + "': expected a string");
        }
        return Optional.of(v.textValue());
    }

    /** An unsigned 64-bit JSON integer, held in a long. */
    static long u64(JsonNode v, String what) {
        if (v == null || !v.isIntegralNumber()) {
            throw new MessageFormatException(what + ": expected an unsigned integer");
        }
        BigInteger b = v.bigIntegerValue();
        if (b.signum() < 0 || b.compareTo(U64_MAX) > 0) {
            throw new MessageFormatException(what + ": out of u64 range: " + b);
        }
        return b.longValue();
    }

    /** A u64 held in a long, written as the unsigned decimal number. */
    static void writeU64(JsonGenerator g, long value) throws IOException {
        if (value >= 0) {
            g.writeNumber(value);
        } else {
            g.writeNumber(Long.toUnsignedString(value));
        }
    }
}
