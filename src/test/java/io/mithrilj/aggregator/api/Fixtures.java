package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upstream 2603.1 reference messages as the API tests compare them (files found by {@link UpstreamReference}). */
final class Fixtures {

    private Fixtures() {}

    static String text(String fakeDataFile) {
        return UpstreamReference.text("aggregator-fake-data/" + fakeDataFile);
    }

    static JsonNode json(String fakeDataFile) {
        return MessageJson.parse(text(fakeDataFile));
    }

    /** Compact text of a fixture document (key order and number spelling kept). */
    static String compact(String fakeDataFile) {
        return MessageJson.compact(text(fakeDataFile));
    }

    /** The detail messages of a "by id" fixture file, as compact texts, by id in file order. */
    static Map<String, String> details(String fakeDataFile) {
        JsonNode root = json(fakeDataFile);
        Map<String, String> out = new LinkedHashMap<>();
        root.properties().forEach(e -> out.put(e.getKey(), MessageJson.write(e.getValue())));
        return out;
    }

    /** The detail messages sorted by a timestamp field path, oldest first. */
    static List<String> detailsOldestFirst(String fakeDataFile, String... timestampPath) {
        List<JsonNode> nodes = new ArrayList<>();
        json(fakeDataFile).forEach(nodes::add);
        nodes.sort((a, b) -> Long.compare(nanos(a, timestampPath), nanos(b, timestampPath)));
        return nodes.stream().map(MessageJson::write).toList();
    }

    private static long nanos(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) n = n.get(p);
        return MessageJson.epochNanos(n.asText());
    }
}
