package io.mithrilj.aggregator.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Epoch parameters (number, latest, latest-K), download redirect, digests, proofs, signers. */
@QuarkusTest
class EpochAndMiscRoutesTest extends ApiTestBase {

    @Test
    void cardanoStakeDistributionByEpoch() {
        Map<String, String> all = Fixtures.details("cardano-stake-distributions.json");
        assertEquals(byEpoch(all, 12), get("/aggregator/artifact/cardano-stake-distribution/epoch/12"));
        // latest = N − 1 = 17, latest-2 = 15, case-insensitive
        assertEquals(byEpoch(all, 17), get("/aggregator/artifact/cardano-stake-distribution/epoch/latest"));
        assertEquals(byEpoch(all, 15), get("/aggregator/artifact/cardano-stake-distribution/epoch/LATEST-2"));
        assertEquals(byEpoch(all, 14), get("/aggregator/artifact/cardano-stake-distribution/epoch/+14"));
        api().get("/aggregator/artifact/cardano-stake-distribution/epoch/400")
                .then()
                .statusCode(404)
                .body(equalTo(""));
        api().get("/aggregator/artifact/cardano-stake-distribution/epoch/18446744073709551615")
                .then()
                .statusCode(404);
    }

    @Test
    void cardanoDatabaseListByEpoch() {
        JsonNode list18 = MessageJson.parse(get("/aggregator/artifact/cardano-database/epoch/18"));
        assertEquals(list18, MessageJson.parse(get("/aggregator/artifact/cardano-database/epoch/latest")));
        JsonNode fixture = Fixtures.json("cardano-databases-list.json");
        int expected = 0;
        for (JsonNode item : fixture) if (item.get("beacon").get("epoch").asLong() == 18) expected++;
        assertEquals(expected, list18.size());
        list18.forEach(item -> assertEquals(18, item.get("beacon").get("epoch").asLong()));
        assertEquals("[]", get("/aggregator/artifact/cardano-database/epoch/1000"));
        assertEquals(
                MessageJson.parse(get("/aggregator/artifact/cardano-database/epoch/13")),
                MessageJson.parse(get("/aggregator/artifact/cardano-database/epoch/latest-5")));
    }

    @Test
    void snapshotDownloadRedirectsToTheArchive() {
        JsonNode snapshot = Fixtures.json("snapshots-list.json").get(0);
        String digest = snapshot.get("digest").asText();
        api().redirects()
                .follow(false)
                .get("/aggregator/artifact/snapshot/" + digest + "/download")
                .then()
                .statusCode(302)
                .header("Location", snapshot.get("locations").get(0).asText())
                .body(equalTo(""));
        undocumented()
                .redirects()
                .follow(false)
                .head("/aggregator/artifact/snapshot/" + digest + "/download")
                .then()
                .statusCode(302);
        api().redirects()
                .follow(false)
                .get("/aggregator/artifact/snapshot/" + "0".repeat(64) + "/download")
                .then()
                .statusCode(404);
    }

    @Test
    void digests() {
        assertEquals(
                "[{\"immutable_file_name\":\"00001.chunk\",\"digest\":\"" + FixtureSeeder.DIGESTS.get("00001.chunk")
                        + "\"},"
                        + "{\"immutable_file_name\":\"00001.primary\",\"digest\":\""
                        + FixtureSeeder.DIGESTS.get("00001.primary") + "\"},"
                        + "{\"immutable_file_name\":\"00002.chunk\",\"digest\":\""
                        + FixtureSeeder.DIGESTS.get("00002.chunk") + "\"}]",
                get("/aggregator/artifact/cardano-database/digests"));
    }

    @Test
    void proofWithoutTransactionStoreReportsHashesAsNonCertified() {
        String h1 = "be3ab99537dcf81aa66eb4688048417a30744704f943a3c8e4306bbba24e70db";
        String h2 = "2ec333a639e9e29212b7c325ac2b6332fd8d27f1c13b8fc0297a3c9e9af6d621";
        String body = get("/aggregator/proof/cardano-transaction?transaction_hashes=" + h1 + "," + h2 + "," + h1);
        assertEquals(
                "{\"certificate_hash\":\"ac347e66778ead81dd4a5d37427858dd60997620c18bf9303c638708a7cc8773\","
                        + "\"certified_transactions\":[],\"non_certified_transactions\":[\"" + h2 + "\",\"" + h1
                        + "\"],\"latest_block_number\":524}",
                body);
    }

    @Test
    void registeredSigners() {
        JsonNode m = MessageJson.parse(get("/aggregator/signers/registered/17"));
        assertEquals(17, m.get("registered_at").asLong());
        assertEquals(19, m.get("signing_at").asLong());
        assertEquals(2, m.get("registrations").size());
        assertEquals(20000000001L, m.get("registrations").get(0).get("stake").asLong());
        assertEquals(m, MessageJson.parse(get("/aggregator/signers/registered/latest-1")));
        // registrations recorded at N + 1 = 19: none
        api().get("/aggregator/signers/registered/latest")
                .then()
                .statusCode(404)
                .body(equalTo(""));
    }

    @Test
    void signersTickers() {
        JsonNode m = MessageJson.parse(get("/aggregator/signers/tickers"));
        assertEquals("devnet", m.get("network").asText());
        assertEquals(2, m.get("signers").size());
        int withTicker = 0;
        for (JsonNode s : m.get("signers")) {
            assertEquals(true, s.get("has_registered").asBoolean());
            if (s.has("pool_ticker")) withTicker++;
        }
        assertEquals(1, withTicker);
    }

    @Test
    void rootAnswersEveryMethod() {
        String get = get("/aggregator");
        assertEquals(
                get,
                undocumented()
                        .post("/aggregator")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(
                get,
                undocumented()
                        .delete("/aggregator")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    private static String byEpoch(Map<String, String> details, long epoch) {
        return details.values().stream()
                .filter(d -> MessageJson.parse(d).get("epoch").asLong() == epoch)
                .findFirst()
                .orElseThrow();
    }

    private static String get(String path) {
        return api().get(path).then().statusCode(200).extract().asString();
    }
}
