package io.mithrilj.aggregator.protocol.signable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** The upstream fake data the stake distribution golden tests read (artifacts and their certificates). */
final class StakeDistributionFixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StakeDistributionFixtures() {}

    static JsonNode json(String file) {
        try {
            return MAPPER.readTree(Files.readString(UpstreamReference.fakeData(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The detail messages of a "by id" file, id → node, in file order. */
    static Map<String, JsonNode> details(String file) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        json(file).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static CertificateMessage certificate(String hash) {
        JsonNode node = json("certificates.json").get(hash);
        if (node == null) {
            throw new IllegalArgumentException("no fixture certificate " + hash);
        }
        return CertificateJson.readCertificateMessage(node);
    }
}
