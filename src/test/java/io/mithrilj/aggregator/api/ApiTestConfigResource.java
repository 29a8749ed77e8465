package io.mithrilj.aggregator.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Settings of the API test suite: every signed entity type, a custom origin tag, the fixture's node version. */
public class ApiTestConfigResource implements QuarkusTestResourceLifecycleManager {

    static final String CUSTOM_ORIGIN_TAG = "MY_DASHBOARD";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mithril.signed-entity-types",
                        "CardanoStakeDistribution,CardanoImmutableFilesFull,CardanoDatabase,CardanoTransactions",
                "mithril.custom-origin-tag-white-list", "FOO, " + CUSTOM_ORIGIN_TAG,
                "mithril.cardano-node-version", "10.4.1",
                "mithril.network", "devnet",
                "mithril.public-server-url", "http://localhost:8080/aggregator");
    }

    @Override
    public void stop() {}
}
