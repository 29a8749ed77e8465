package io.mithrilj.aggregator.cardano.era;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction datum in cardano-cli's detailed-schema JSON, as upstream's {@code TxDatumBuilder} writes
 * it: {@code {"constructor":0,"fields":[{"bytes":"…"},…]}}, a text field cut into chunks of 128
 * characters (the byte-string limit of older cardano-cli versions).
 */
public final class TxDatum {

    static final int CHUNK = 128;

    private TxDatum() {}

    /** The datum carrying one text (e.g. a json-hex payload) as bytes fields. */
    public static String ofBytesField(String text) {
        StringBuilder out = new StringBuilder("{\"constructor\":0,\"fields\":[");
        for (int i = 0; i < text.length(); i += CHUNK) {
            if (i > 0) out.append(',');
            out.append("{\"bytes\":")
                    .append(EraMarker.jsonString(text.substring(i, Math.min(text.length(), i + CHUNK))))
                    .append('}');
        }
        return out.append("]}").toString();
    }

    /** The bytes fields of a datum, concatenated in order (how the era reader gets the payload back). */
    public static String bytesFields(String datumJson) {
        try {
            JsonNode fields = new ObjectMapper().readTree(datumJson).path("fields");
            if (!fields.isArray()) throw new IllegalArgumentException("tx datum has no 'fields' array");
            List<String> parts = new ArrayList<>();
            for (JsonNode f : fields)
                if (f.has("bytes")) parts.add(f.get("bytes").asText());
            return String.join("", parts);
        } catch (IOException e) {
            throw new IllegalArgumentException("tx datum is not JSON: " + e.getMessage(), e);
        }
    }
}
