package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.message.MessageJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upstream 2603.1 reference files (system property {@code mithril.reference.dir}). */
final class Fixtures {

    private Fixtures() {}

    static Path referenceDir() {
        String dir = System.getProperty("mithril.reference.dir");
        Path path = dir != null ? Path.of(dir) : Path.of("../shared/reference/mithril-2603.1");
        return path.toAbsolutePath().normalize();
    }

    static Path openApi() {
        return referenceDir().resolve("openapi.yaml");
    }

    static String text(String fakeDataFile) {
        try {
            return Files.readString(
                    referenceDir().resolve("aggregator-fake-data").resolve(fakeDataFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
