package io.mithrilj.aggregator.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Settings of the API test suite: every signed entity type, a custom origin tag, the fixture's node version, the gcp
 * uploader (as a production aggregator; the download routes are then forbidden).
 */
public class ApiTestConfigResource implements QuarkusTestResourceLifecycleManager {

    static final String CUSTOM_ORIGIN_TAG = "MY_DASHBOARD";

    static final String ANCILLARY_SECRET_KEY = "5b3131382c3138342c3232342c3137332c3136302c3234312c36312c3134342c36342c"
            + "39332c3130362c3232392c38332c3133342c3138392c34302c3138392c3231302c32352c3138342c3136302c3134312c3233372c"
            + "32362c3136382c35342c3233392c3230342c3133392c3131392c31332c3139395d";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mithril.signed-entity-types",
                        "CardanoStakeDistribution,CardanoImmutableFilesFull,CardanoDatabase,CardanoTransactions",
                "mithril.custom-origin-tag-white-list", "FOO, " + CUSTOM_ORIGIN_TAG,
                "mithril.cardano-node-version", "10.4.1",
                "mithril.network", "devnet",
                "mithril.public-server-url", "http://localhost:8080/aggregator",
                // a production aggregator's uploader (the devnet's default is local), archives under target/
                "mithril.snapshot-uploader-type", "gcp",
                "mithril.snapshot-directory", snapshots(),
                // upstream's end-to-end ancillary key (artifacts.md §6.4), needed outside the devnet (some profiles)
                "mithril.ancillary-files-signer-config",
                        "{\"type\":\"secret-key\",\"secret_key\":\"" + ANCILLARY_SECRET_KEY + "\"}");
    }

    private static String snapshots() {
        try {
            return java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "api-snapshots-")
                    .toAbsolutePath()
                    .toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
