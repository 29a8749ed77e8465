package io.mithrilj.aggregator.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.runtime.FollowerChainSync;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A follower (LEADER_AGGREGATOR_ENDPOINT set) in front of a leader double serving upstream's fixture chain: while the
 * leader fails (500, garbage, a 50 MB body) the follower stays up, not ready, and keeps the reason; once the leader
 * answers, it mirrors the chain and serves the certificates upstream stores with the leader's JSON bytes, and becomes
 * ready. A signer registering with it gets upstream's follower answer.
 */
@QuarkusTest
@TestProfile(FollowerLeaderDoubleTest.Profile.class)
class FollowerLeaderDoubleTest {
    static final String TABLES = "certificate, signed_entity, epoch_setting, signer, signer_registration, stake_pool,"
            + " open_message, single_signature, buffered_single_signature";
    static final long HUGE = 50L * 1024 * 1024;
    static FakeLeaderAggregator leader;

    /** The follower's settings, pointed at a leader double started with the profile. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (leader == null) leader = new FakeLeaderAggregator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "mithril.leader-aggregator-endpoint",
                    leader.endpoint(),
                    "mithril.genesis-verification-key",
                    UpstreamReference.GENESIS_VERIFICATION_KEY,
                    "mithril.run-interval",
                    "1000",
                    "mithril.follower.leader-timeout",
                    "5s",
                    "mithril.follower.max-response-bytes",
                    Long.toString(8L * 1024 * 1024));
        }
    }

    @Inject
    FollowerService follower;

    @Inject
    FollowerChainSync chainSync;

    @Inject
    Pool pool;

    @AfterAll
    static void stopLeader() {
        if (leader != null) leader.close();
    }

    @Test
    void failuresKeepItUpAndNotReadyThenItMirrorsTheLeadersChainByteForByte() throws Exception {
        pool.query("truncate " + TABLES).execute().await().atMost(Duration.ofSeconds(30));
        leader.always("/certificates", FakeLeaderAggregator.status(500, "{\"label\":\"internal_error\"}"));
        chainSync.schedule();
        try {
            awaitChainFailure(m -> m.contains("HTTP 500"), "the leader's 500");
            RestAssured.get("/q/health/ready").then().statusCode(503);
            RestAssured.get("/q/health/live").then().statusCode(200);

            leader.always("/certificates", FakeLeaderAggregator.status(200, "<html>not the API</html>"));
            awaitChainFailure(m -> !m.contains("HTTP 500"), "a body that is not JSON");
            RestAssured.get("/q/health/ready").then().statusCode(503);

            FakeLeaderAggregator.Streamed huge = new FakeLeaderAggregator.Streamed(200, HUGE, false);
            leader.always("/certificates", huge);
            awaitChainFailure(m -> m.contains("larger than the limit of 8 MiB"), "the 50 MB body");
            assertThat(huge.written.get(30, TimeUnit.SECONDS))
                    .as("the follower stopped reading past its limit")
                    .isLessThan(HUGE);
            RestAssured.get("/q/health/ready").then().statusCode(503);
            assertThat(count("certificate"))
                    .as("nothing stored while the leader fails")
                    .isZero();

            leader.reset();
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (follower.status().lastChainSync().isEmpty() && System.nanoTime() < end) Thread.sleep(200);
            assertThat(follower.status().lastChainSync())
                    .as(String.valueOf(follower.status()))
                    .isPresent();
            RestAssured.get("/q/health/ready").then().statusCode(200);

            List<String> kept = keptByUpstreamsRule();
            assertThat(count("certificate")).isEqualTo(kept.size());
            for (String hash : kept) {
                String served = RestAssured.get("/aggregator/certificate/" + hash)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertThat(served).as(hash).isEqualTo(leader.certificates.get(hash));
            }
            assertThat(RestAssured.get("/aggregator/certificate/genesis")
                            .then()
                            .extract()
                            .asString())
                    .isEqualTo(leader.certificates.get(leader.genesisHash));
            assertThat(count("open_message where is_certified")).isEqualTo(1);

            // the chain is in sync: a later synchronisation stores nothing more
            follower.synchronizeChain(false, new io.mithrilj.aggregator.protocol.Epoch(1));
            assertThat(count("certificate")).isEqualTo(kept.size());
        } finally {
            chainSync.unschedule();
            Thread.sleep(500);
            pool.query("truncate " + TABLES).execute().await().atMost(Duration.ofSeconds(30));
        }
    }

    @Test
    void aSignerRegisteringWithAFollowerGetsUpstreamsFollowerAnswer() throws Exception {
        JsonNode s = MessageJson.parse(leader.epochSettings).get("next_signers").get(0);
        String body = "{\"epoch\":18,\"party_id\":\"" + s.get("party_id").asText() + "\",\"verification_key\":\""
                + s.get("verification_key").asText() + "\",\"verification_key_signature\":\""
                + s.get("verification_key_signature").asText() + "\",\"operational_certificate\":\""
                + s.get("operational_certificate").asText() + "\",\"kes_period\":"
                + s.get("kes_period").asLong()
                + "}";
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/aggregator/register-signer")
                .then()
                .statusCode(500)
                .body("message", equalTo("signer registration is always closed on a follower aggregator"));
        assertThat(count("signer_registration")).isZero();
    }

    /**
     * Upstream's rule, applied here on the fixture's JSON alone: from the latest certificate down to the genesis,
     * the latest is kept only if its parent is of another epoch; every certificate below the first kept one is kept.
     */
    private static List<String> keptByUpstreamsRule() {
        JsonNode all = Fixtures.json("certificates.json");
        List<String> kept = new ArrayList<>();
        JsonNode certificate =
                all.get(MessageJson.parse(leader.list).get(0).get("hash").asText());
        while (true) {
            String previous = certificate.get("previous_hash").asText("");
            if (previous.isEmpty()) {
                kept.add(certificate.get("hash").asText());
                break;
            }
            JsonNode parent = all.get(previous);
            if (!kept.isEmpty()
                    || parent.get("epoch").asLong() != certificate.get("epoch").asLong()) {
                kept.add(certificate.get("hash").asText());
            }
            certificate = parent;
        }
        return kept;
    }

    private void awaitChainFailure(Predicate<String> matches, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Optional<FollowerService.Failure> failure = Optional.empty();
        while (System.nanoTime() < end) {
            failure = follower.status().chainFailure();
            if (failure.isPresent() && matches.test(failure.get().message())) return;
            Thread.sleep(200);
        }
        throw new AssertionError("no chain failure for " + what + "; last: " + failure);
    }

    private long count(String tableAndCondition) {
        return pool.query("select count(*) from " + tableAndCondition)
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getLong(0);
    }
}
