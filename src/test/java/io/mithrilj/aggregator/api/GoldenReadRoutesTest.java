package io.mithrilj.aggregator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Read routes seeded from upstream's fake data: bodies equal the fixtures byte for byte after compaction
 * (so key order and number spelling too), lists hold the 20 newest, newest first.
 */
@QuarkusTest
class GoldenReadRoutesTest extends ApiTestBase {

    @Test
    void certificateListEqualsFixture() {
        String body = api().get("/aggregator/certificates")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        assertEquals(Fixtures.compact("certificates-list.json"), body);
    }

    @Test
    void everyCertificateDetailEqualsFixture() {
        for (Map.Entry<String, String> e : Fixtures.details("certificates.json").entrySet()) {
            String body = api().get("/aggregator/certificate/" + e.getKey())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(e.getValue(), body, e.getKey());
        }
    }

    @Test
    void genesisCertificateIsTheFixtureGenesis() {
        String expected = Fixtures.details("certificates.json")
                .get("3587ad47026905ed30edca87243b32017a1fe58cc633d93a026407e92a401cb8");
        assertEquals(
                expected,
                api().get("/aggregator/certificate/genesis")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void artifactListsEqualFixtures() {
        assertEquals(Fixtures.compact("snapshots-list.json"), get200("/aggregator/artifact/snapshots"));
        assertEquals(Fixtures.compact("cardano-databases-list.json"), get200("/aggregator/artifact/cardano-database"));
        assertEquals(
                Fixtures.compact("mithril-stake-distributions-list.json"),
                get200("/aggregator/artifact/mithril-stake-distributions"));
        assertEquals(
                Fixtures.compact("cardano-stake-distributions-list.json"),
                get200("/aggregator/artifact/cardano-stake-distributions"));
        assertEquals(Fixtures.compact("ctx-snapshots-list.json"), get200("/aggregator/artifact/cardano-transactions"));
    }

    @Test
    void artifactDetailsEqualFixtures() {
        Fixtures.details("snapshots.json")
                .forEach((id, json) -> assertEquals(json, get200("/aggregator/artifact/snapshot/" + id), id));
        Fixtures.details("cardano-databases.json")
                .forEach((id, json) -> assertEquals(json, get200("/aggregator/artifact/cardano-database/" + id), id));
        Fixtures.details("mithril-stake-distributions.json")
                .forEach((id, json) ->
                        assertEquals(json, get200("/aggregator/artifact/mithril-stake-distribution/" + id), id));
        Fixtures.details("cardano-stake-distributions.json")
                .forEach((id, json) ->
                        assertEquals(json, get200("/aggregator/artifact/cardano-stake-distribution/" + id), id));
        Fixtures.details("ctx-snapshots.json")
                .forEach(
                        (id, json) -> assertEquals(json, get200("/aggregator/artifact/cardano-transaction/" + id), id));
    }

    @Test
    void epochSettingsEqualFixture() {
        assertEquals(Fixtures.compact("epoch-settings.json"), get200("/aggregator/epoch-settings"));
    }

    @Test
    void statusEqualsFixtureButTheAggregatorVersion() {
        ObjectNode expected = (ObjectNode) Fixtures.json("status.json");
        ObjectNode actual = (ObjectNode) MessageJson.parse(get200("/aggregator/status"));
        assertEquals("0.8.14", actual.get("aggregator_node_version").asText());
        expected.put("aggregator_node_version", "0.8.14");
        assertEquals(MessageJson.write(expected), MessageJson.write(actual));
    }

    @Test
    void protocolConfigurationOfAStoredEpoch() {
        JsonNode m = MessageJson.parse(get200("/aggregator/protocol-configuration/18"));
        assertEquals("{\"k\":70,\"m\":105,\"phi_f\":0.95}", MessageJson.write(m.get("protocol_parameters")));
        assertEquals(
                "{\"security_parameter\":1,\"step\":15}",
                MessageJson.write(m.get("cardano_transactions_signing_config")));
        assertEquals(
                "[\"MithrilStakeDistribution\",\"CardanoStakeDistribution\",\"CardanoImmutableFilesFull\",\"CardanoDatabase\",\"CardanoTransactions\"]",
                MessageJson.write(m.get("available_signed_entity_types")));
        api().get("/aggregator/protocol-configuration/4000").then().statusCode(404);
    }

    @Test
    void root() {
        assertEquals(
                "{\"open_api_version\":\"0.1.57\",\"documentation_url\":\"https://mithril.network\",\"capabilities\":{"
                        + "\"signed_entity_types\":[\"MithrilStakeDistribution\",\"CardanoStakeDistribution\",\"CardanoImmutableFilesFull\",\"CardanoDatabase\",\"CardanoTransactions\"],"
                        + "\"aggregate_signature_type\":\"Concatenation\",\"cardano_transactions_prover\":{\"max_hashes_allowed_by_request\":100}}}",
                get200("/aggregator"));
    }

    private static String get200(String path) {
        return api().get(path)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
    }
}
