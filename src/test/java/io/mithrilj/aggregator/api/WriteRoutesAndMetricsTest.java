package io.mithrilj.aggregator.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST routes in the not-yet-initialised state, statistics, metric increment sites and labels, headers, CORS. */
@QuarkusTest
class WriteRoutesAndMetricsTest extends ApiTestBase {

    /** A real registration of upstream's fake aggregator (epoch-settings.json, next signer 0), as a signer sends it. */
    static final String SIGNER = signer();
    /** A single signature with the real sigma of spec V1 (a valid G1 point), json-hex as signers send it. */
    static final String SIGNATURE = "{\"entity_type\":{\"MithrilStakeDistribution\":18},\"party_id\":\"pool1abc\","
            + "\"signature\":\"" + singleSignatureJsonHex() + "\",\"indexes\":[1,5],\"signed_message\":\"abcd\"}";

    static String signer() {
        var s = Fixtures.json("epoch-settings.json").get("next_signers").get(0);
        return "{\"epoch\":19,\"party_id\":\"" + s.get("party_id").asText() + "\",\"verification_key\":\""
                + s.get("verification_key").asText() + "\",\"verification_key_signature\":\""
                + s.get("verification_key_signature").asText() + "\",\"operational_certificate\":\""
                + s.get("operational_certificate").asText() + "\",\"kes_period\":"
                + s.get("kes_period").asLong() + "}";
    }

    static String singleSignatureJsonHex() {
        byte[] sigma = java.util.HexFormat.of()
                .parseHex(
                        "929ee05f3a70232ccc87c83bf01a719b6f08c62bd5980d2a8177252f206e1c601f91858df565595ca84eea41cba3bf8a");
        StringBuilder json = new StringBuilder("{\"sigma\":[");
        for (int i = 0; i < sigma.length; i++) json.append(i == 0 ? "" : ",").append(sigma[i] & 0xff);
        json.append("],\"indexes\":[1,5],\"signer_index\":0}");
        return java.util.HexFormat.of().formatHex(json.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Inject
    AggregatorMetrics metrics;

    @Test
    void registerSignerWithoutOpenRoundAnswers550AfterCountingIt() {
        Map<String, Long> before = rowCounts();
        double received = metrics.value(MithrilMetric.SIGNER_REGISTRATION_TOTAL_RECEIVED, "CI");
        api().header("mithril-origin-tag", "CI")
                .contentType(ContentType.JSON)
                .body(SIGNER)
                .post("/aggregator/register-signer")
                .then()
                .statusCode(550)
                .body("message", equalTo("a signer registration round is not opened yet, please try again later"))
                .body("label", nullValue());
        assertEquals(received + 1, metrics.value(MithrilMetric.SIGNER_REGISTRATION_TOTAL_RECEIVED, "CI"));
        // undecodable key: 400 after counting
        api().contentType(ContentType.JSON)
                .body(SIGNER.replaceFirst("\"verification_key\":\"7b", "\"verification_key\":\"7c"))
                .post("/aggregator/register-signer")
                .then()
                .statusCode(400)
                .body("label", equalTo("Could not decode signer payload"));
        assertEquals(before, rowCounts());
    }

    @Test
    void registerSignaturesWithoutEpochServiceIsNotAuthenticated() {
        Map<String, Long> before = rowCounts();
        double received = metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "HTTP");
        api().contentType(ContentType.JSON)
                .body(SIGNATURE)
                .post("/aggregator/register-signatures")
                .then()
                .statusCode(400)
                .body("label", equalTo("Could not authenticate signature"))
                .body("message", equalTo("Signature could not be authenticated"));
        api().contentType(ContentType.JSON)
                .body(SIGNATURE.replace(singleSignatureJsonHex(), "7b7d"))
                .post("/aggregator/register-signatures")
                .then()
                .statusCode(400)
                .body("label", equalTo("Could not decode signature payload"));
        assertEquals(received + 2, metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "HTTP"));
        assertEquals(0, metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL, "HTTP"));
        assertEquals(before, rowCounts());
    }

    @Test
    void statisticsRoutes() {
        String snapshot = Fixtures.json("snapshots-list.json").get(0).deepCopy().toString();
        // SnapshotDownloadMessage = the snapshot message without certificate_hash and created_at
        var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                io.mithrilj.aggregator.protocol.json.MessageJson.parse(snapshot);
        node.remove("certificate_hash");
        node.remove("created_at");
        double restorations = metrics.value(MithrilMetric.CARDANO_DB_TOTAL_RESTORATION, "BENCHMARK", "WASM");
        api().header("mithril-origin-tag", "BENCHMARK")
                .header("mithril-client-type", "WASM")
                .contentType(ContentType.JSON)
                .body(node.toString())
                .post("/aggregator/statistics/snapshot")
                .then()
                .statusCode(201)
                .body(equalTo(""));
        assertEquals(restorations + 1, metrics.value(MithrilMetric.CARDANO_DB_TOTAL_RESTORATION, "BENCHMARK", "WASM"));

        double files = metrics.value(MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED, "NA", "CLI");
        api().header("mithril-client-type", "CLI")
                .contentType(ContentType.JSON)
                .body("{\"nb_immutable_files\":42}")
                .post("/aggregator/statistics/cardano-database/immutable-files-restored")
                .then()
                .statusCode(201);
        assertEquals(files + 42, metrics.value(MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED, "NA", "CLI"));

        for (var e : Map.of(
                        "ancillary-files-restored",
                        MithrilMetric.CARDANO_DB_ANCILLARY_FILES_RESTORED,
                        "complete-restoration",
                        MithrilMetric.CARDANO_DB_COMPLETE_RESTORATION,
                        "partial-restoration",
                        MithrilMetric.CARDANO_DB_PARTIAL_RESTORATION)
                .entrySet()) {
            double v = metrics.value(e.getValue(), "EXPLORER", "LIBRARY");
            api().header("mithril-origin-tag", "EXPLORER")
                    .header("mithril-client-type", "LIBRARY")
                    .post("/aggregator/statistics/cardano-database/" + e.getKey())
                    .then()
                    .statusCode(201);
            assertEquals(v + 1, metrics.value(e.getValue(), "EXPLORER", "LIBRARY"), e.getKey());
        }
    }

    @Test
    void originTagAndClientTypeLabels() {
        String hash = Fixtures.details("certificates.json").keySet().iterator().next();
        assertCounted("EXPLORER", "CLI", "EXPLORER", "CLI", hash);
        assertCounted(
                ApiTestConfigResource.CUSTOM_ORIGIN_TAG, "WASM", ApiTestConfigResource.CUSTOM_ORIGIN_TAG, "WASM", hash);
        assertCounted("FOO", "LIBRARY", "FOO", "LIBRARY", hash);
        assertCounted("explorer", "cli", "NA", "NA", hash); // exact, case-sensitive match
        assertCounted("UNLISTED", "BROWSER", "NA", "NA", hash);
        assertCounted(null, null, "NA", "NA", hash);
        // unknown certificate: counted before the lookup
        assertCounted("CI", "NA", "CI", "NA", "unknown");
    }

    @Test
    void detailRoutesCountTheirOwnMetric() {
        Map<String, MithrilMetric> routes = Map.of(
                "artifact/snapshot/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
                        MithrilMetric.ARTIFACT_DETAIL_CARDANO_DB_TOTAL_SERVED,
                "artifact/cardano-database/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
                        MithrilMetric.ARTIFACT_DETAIL_CARDANO_DATABASE_TOTAL_SERVED,
                "artifact/mithril-stake-distribution/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
                        MithrilMetric.ARTIFACT_DETAIL_MITHRIL_STAKE_DISTRIBUTION_TOTAL_SERVED,
                "artifact/cardano-stake-distribution/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
                        MithrilMetric.ARTIFACT_DETAIL_CARDANO_STAKE_DISTRIBUTION_TOTAL_SERVED,
                "artifact/cardano-transaction/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
                        MithrilMetric.ARTIFACT_DETAIL_CARDANO_TRANSACTION_TOTAL_SERVED);
        routes.forEach((route, metric) -> {
            double v = metrics.value(metric, "CI", "CLI");
            api().header("mithril-origin-tag", "CI")
                    .header("mithril-client-type", "CLI")
                    .get("/aggregator/" + route)
                    .then()
                    .statusCode(404);
            assertEquals(v + 1, metrics.value(metric, "CI", "CLI"), route);
        });
        // CSD by epoch counts before validating the epoch
        double v = metrics.value(MithrilMetric.ARTIFACT_DETAIL_CARDANO_STAKE_DISTRIBUTION_TOTAL_SERVED, "NA", "NA");
        api().get("/aggregator/artifact/cardano-stake-distribution/epoch/abc")
                .then()
                .statusCode(400);
        assertEquals(
                v + 1,
                metrics.value(MithrilMetric.ARTIFACT_DETAIL_CARDANO_STAKE_DISTRIBUTION_TOTAL_SERVED, "NA", "NA"));
        // proofs: +1 per request even when invalid, += distinct hashes only when valid
        double proofs = metrics.value(MithrilMetric.PROOF_CARDANO_TRANSACTION_TOTAL_PROOFS_SERVED, "NA", "NA");
        double txs = metrics.value(MithrilMetric.PROOF_CARDANO_TRANSACTION_TOTAL_TRANSACTIONS_SERVED, "NA", "NA");
        api().get("/aggregator/proof/cardano-transaction?transaction_hashes=bad")
                .then()
                .statusCode(400);
        String h = "b".repeat(64);
        api().get("/aggregator/proof/cardano-transaction?transaction_hashes=" + h + "," + h)
                .then()
                .statusCode(200);
        assertEquals(
                proofs + 2, metrics.value(MithrilMetric.PROOF_CARDANO_TRANSACTION_TOTAL_PROOFS_SERVED, "NA", "NA"));
        assertEquals(
                txs + 1, metrics.value(MithrilMetric.PROOF_CARDANO_TRANSACTION_TOTAL_TRANSACTIONS_SERVED, "NA", "NA"));
        // list routes count nothing
        double before = metrics.value(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, "NA", "NA");
        api().get("/aggregator/certificates").then().statusCode(200);
        assertEquals(before, metrics.value(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, "NA", "NA"));
    }

    @Test
    void versionHeaderOnEveryResponseAndRequestVersionIgnored() {
        api().header("mithril-api-version", "0.0.1")
                .get("/aggregator/certificates")
                .then()
                .statusCode(200)
                .header("mithril-api-version", "0.1.57");
        undocumented().get("/nowhere").then().statusCode(404).header("mithril-api-version", "0.1.57");
        RestAssured.given().get("/q/health/live").then().header("mithril-api-version", "0.1.57");
    }

    @Test
    void cors() {
        RestAssured.given()
                .header("Origin", "https://explorer.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,mithril-origin-tag")
                .options("/aggregator/register-signer")
                .then()
                .header("Access-Control-Allow-Origin", "https://explorer.example")
                .header("mithril-api-version", "0.1.57");
        RestAssured.given()
                .header("Origin", "https://explorer.example")
                .get("/aggregator/certificates")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "https://explorer.example");
    }

    private void assertCounted(String origin, String client, String originLabel, String clientLabel, String hash) {
        double v = metrics.value(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, originLabel, clientLabel);
        var request = api();
        if (origin != null) request.header("mithril-origin-tag", origin);
        if (client != null) request.header("mithril-client-type", client);
        request.get("/aggregator/certificate/" + hash);
        assertEquals(
                v + 1,
                metrics.value(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, originLabel, clientLabel),
                origin + "/" + client);
    }
}
