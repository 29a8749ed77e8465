package io.mithrilj.aggregator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Access to the upstream 2603.1 reference data (system property {@code mithril.reference.dir}). */
public final class Fixtures {
    public static final String LATEST = "ac347e66778ead81dd4a5d37427858dd60997620c18bf9303c638708a7cc8773";
    public static final String GENESIS = "3587ad47026905ed30edca87243b32017a1fe58cc633d93a026407e92a401cb8";
    public static final String GENESIS_VK =
            "5b33322c3235332c3138362c3230312c3137372c31312c3131372c3133352c3138372c3136372c3138312c3138382c32322c35392c3230362c3130352c3233312c3135302c3231352c33302c37382c3231322c37362c31362c3235322c3138302c37322c3133342c3133372c3234372c3136312c36385d";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Map<String, String> certificates;

    private Fixtures() {}

    public static Path referenceDir() {
        String prop = System.getProperty("mithril.reference.dir");
        return Path.of(prop != null ? prop : "../shared/reference/mithril-2603.1");
    }

    public static Path fakeData(String file) {
        return referenceDir().resolve("aggregator-fake-data").resolve(file);
    }

    public static JsonNode json(String file) {
        try {
            return MAPPER.readTree(Files.readString(fakeData(file)));
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
