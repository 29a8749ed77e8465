package io.mithrilj.aggregator.api;

import static org.hamcrest.Matchers.equalTo;

import io.mithrilj.aggregator.epoch.EpochSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Before the aggregator knows its epoch, epoch-dependent routes answer as upstream's before its first epoch transition. */
@QuarkusTest
@TestProfile(NotInitialisedStateTest.NoEpoch.class)
class NotInitialisedStateTest extends ApiTestBase {

    public static class NoEpoch implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(EmptyEpochSource.class);
        }
    }

    @Test
    void statusAndEpochSettingsAre500() {
        api().get("/aggregator/status").then().statusCode(500).body("message", equalTo(EpochSource.NOT_INITIALIZED));
        api().get("/aggregator/epoch-settings")
                .then()
                .statusCode(500)
                .body("message", equalTo(EpochSource.NOT_INITIALIZED));
    }

    @Test
    void latestIsAnInvalidEpochButNumbersStillWork() {
        for (String route : new String[] {
            "artifact/cardano-database/epoch/", "artifact/cardano-stake-distribution/epoch/", "signers/registered/"
        }) {
            api().get("/aggregator/" + route + "latest")
                    .then()
                    .statusCode(400)
                    .body("label", equalTo("invalid_epoch"))
                    .body("message", equalTo(EpochSource.NOT_INITIALIZED));
            api().get("/aggregator/" + route + "latest-1")
                    .then()
                    .statusCode(400)
                    .body("label", equalTo("invalid_epoch"));
        }
        api().get("/aggregator/artifact/cardano-stake-distribution/epoch/12")
                .then()
                .statusCode(200);
        api().get("/aggregator/certificates").then().statusCode(200);
    }
}
