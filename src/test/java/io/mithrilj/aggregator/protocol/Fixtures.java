package io.mithrilj.aggregator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The upstream 2603.1 fixture chain as protocol tests use it (files found by {@link UpstreamReference}). */
public final class Fixtures {
    public static final String LATEST = "ac347e66778ead81dd4a5d37427858dd60997620c18bf9303c638708a7cc8773";
    public static final String GENESIS = "3587ad47026905ed30edca87243b32017a1fe58cc633d93a026407e92a401cb8";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Map<String, String> certificates;

    private Fixtures() {}

    public static JsonNode json(String file) {
        try {
            return MAPPER.readTree(Files.readString(UpstreamReference.fakeData(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** hash -> compact JSON text of each fixture certificate, in file order. */
    public static synchronized Map<String, String> certificates() {
        if (certificates == null) {
            Map<String, String> m = new LinkedHashMap<>();
            json("certificates.json")
                    .fields()
                    .forEachRemaining(e -> m.put(e.getKey(), e.getValue().toString()));
            certificates = m;
        }
        return certificates;
    }

    public static String certificateJson(String hash) {
        return certificates().get(hash);
    }

    public static Properties upstreamFakeKeys() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/upstream/fake_keys.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
