package io.mithrilj.aggregator.cardano.era;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Era markers read from JSON as serde reads upstream's {@code Vec<EraMarker>}: a name, an epoch or null/absent. */
final class EraMarkersJson {

    private EraMarkersJson() {}

    static List<EraMarker> markers(JsonNode array) {
        if (array == null || !array.isArray()) throw new IllegalArgumentException("expected an array of era markers");
        List<EraMarker> markers = new ArrayList<>();
        for (JsonNode m : array) {
            if (!m.isObject()) throw new IllegalArgumentException("an era marker is not an object: " + m);
            JsonNode name = m.get("name");
            if (name == null || !name.isTextual()) throw new IllegalArgumentException("missing field `name` in " + m);
            JsonNode epoch = m.get("epoch");
            OptionalLong e;
            if (epoch == null || epoch.isNull()) e = OptionalLong.empty();
            else if (epoch.isIntegralNumber() && epoch.canConvertToLong() && epoch.asLong() >= 0)
                e = OptionalLong.of(epoch.asLong());
            else throw new IllegalArgumentException("invalid epoch " + epoch + " in " + m);
            markers.add(new EraMarker(name.asText(), e));
        }
        return markers;
    }
}
