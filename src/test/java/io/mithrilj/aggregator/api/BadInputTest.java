package io.mithrilj.aggregator.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input on every route taking parameters or a body: a 4xx naming the problem (or upstream's empty
 * 404 for an unknown id), never a 500, nothing written.
 */
@QuarkusTest
class BadInputTest extends ApiTestBase {

    static final String INVALID_EPOCH =
            "Invalid epoch: expected 'X', 'latest' or 'latest-X' where X is a positive 64-bit integer";

    @Test
    void malformedHashesAreRefusedNamingTheProblem() {
        Map<String, Long> before = rowCounts();
        for (String route : new String[] {
            "certificate",
            "artifact/snapshot",
            "artifact/cardano-database",
            "artifact/mithril-stake-distribution",
            "artifact/cardano-stake-distribution",
            "artifact/cardano-transaction"
        }) {
            for (String id :
                    new String[] {"not-a-hash", "%27%3B%20drop%20table%20certificate%3B--", "ABCDEF", "x".repeat(3000)
                    }) {
                api().get("/aggregator/" + route + "/" + id)
                        .then()
                        .statusCode(400)
                        .body("label", equalTo(route.equals("artifact/snapshot") ? "invalid_digest" : "invalid_hash"))
                        .body("message", containsString("expected 64 hexadecimal characters"));
            }
        }
        api().get("/aggregator/artifact/snapshot/not-a-digest/download")
                .then()
                .statusCode(400)
                .body("label", equalTo("invalid_digest"));
        // a well-formed unknown id is upstream's empty 404
        api().get("/aggregator/certificate/" + "ab".repeat(32))
                .then()
                .statusCode(404)
                .body(equalTo(""));
        // an id of another artifact type is not found either
        String msdHash = Fixtures.details("mithril-stake-distributions.json")
                .keySet()
                .iterator()
                .next();
        api().get("/aggregator/artifact/cardano-database/" + msdHash).then().statusCode(404);
        assertEquals(before, rowCounts());
    }

    @Test
    void invalidEpochs() {
        for (String route : new String[] {
            "artifact/cardano-database/epoch/", "artifact/cardano-stake-distribution/epoch/", "signers/registered/"
        }) {
            invalidEpoch(route + "abc", INVALID_EPOCH);
            invalidEpoch(route + "-1", INVALID_EPOCH);
            invalidEpoch(route + "1.5", INVALID_EPOCH);
            invalidEpoch(route + "18446744073709551616", INVALID_EPOCH);
            invalidEpoch(route + "latest-", "Invalid epoch 'latest-': offset cannot be empty");
            invalidEpoch(route + "Latest-X", "Invalid epoch 'latest-x': offset must be a positive 64-bit integer");
        }
        invalidEpoch(
                "artifact/cardano-database/epoch/latest-6",
                "offset greater than maximum allowed value: epoch:`latest-6`, max offset:`5`");
        invalidEpoch(
                "artifact/cardano-stake-distribution/epoch/latest-100",
                "offset greater than maximum allowed value: epoch:`latest-100`, max offset:`5`");
        // no offset limit on registered signers
        api().get("/aggregator/signers/registered/latest-100").then().statusCode(404);
        // protocol configuration takes a u64 path segment: anything else misses the route
        api().get("/aggregator/protocol-configuration/abc")
                .then()
                .statusCode(404)
                .body(equalTo(""));
        api().get("/aggregator/protocol-configuration/-3").then().statusCode(404);
    }

    @Test
    void proofQueries() {
        String hash = "a".repeat(64);
        proofError("transaction_hashes=", "Transaction hash cannot be empty");
        proofError("transaction_hashes=" + hash + ",", "Transaction hash cannot be empty");
        proofError("transaction_hashes=" + "a".repeat(63), "Transaction hash must have 64 characters");
        proofError("transaction_hashes=" + "g".repeat(64), "Transaction hash must contain only hexadecimal characters");
        proofError(
                "transaction_hashes=" + String.join(",", java.util.Collections.nCopies(101, hash)),
                "Transaction hashes list contains more than maximum allowed number of hashes: '100'");
        // 100 hashes are accepted (query of ~6.5 KB)
        api().get("/aggregator/proof/cardano-transaction?transaction_hashes="
                        + String.join(",", java.util.Collections.nCopies(100, hash)))
                .then()
                .statusCode(200);
        api().get("/aggregator/proof/cardano-transaction")
                .then()
                .statusCode(400)
                .body("label", equalTo("invalid_query"))
                .body("message", containsString("transaction_hashes"));
    }

    @Test
    void oversizedRequestLine() {
        undocumented()
                .get("/aggregator/certificate/" + "a".repeat(40_000))
                .then()
                .statusCode(414)
                .body("label", equalTo("uri_too_long"));
    }

    @Test
    void badBodies() {
        Map<String, Long> before = rowCounts();
        for (String route : new String[] {
            "register-signer",
            "register-signatures",
            "statistics/snapshot",
            "statistics/cardano-database/immutable-files-restored"
        }) {
            String path = "/aggregator/" + route;
            api().contentType(ContentType.JSON)
                    .body("{not json")
                    .post(path)
                    .then()
                    .statusCode(400)
                    .body("label", equalTo("invalid_request_body"))
                    .body("message", containsString("Request body deserialize error"));
            api().contentType(ContentType.JSON)
                    .body("[1,2]")
                    .post(path)
                    .then()
                    .statusCode(400)
                    .body("label", equalTo("invalid_request_body"));
            api().contentType(ContentType.JSON)
                    .body("")
                    .post(path)
                    .then()
                    .statusCode(400)
                    .body("label", equalTo("invalid_request_body"));
            api().contentType(ContentType.JSON)
                    .body("{}")
                    .post(path)
                    .then()
                    .statusCode(400)
                    .body("message", containsString("missing field"));
            api().contentType(ContentType.TEXT)
                    .body("{}")
                    .post(path)
                    .then()
                    .statusCode(415)
                    .body("label", equalTo("unsupported_media_type"))
                    .body("message", containsString("text/plain"));
            api().contentType(ContentType.JSON)
                    .body("{\"x\":\"" + "a".repeat(300 * 1024) + "\"}")
                    .post(path)
                    .then()
                    .statusCode(413)
                    .body("label", equalTo("payload_too_large"));
        }
        api().contentType(ContentType.JSON)
                .body("{\"nb_immutable_files\":-1}")
                .post("/aggregator/statistics/cardano-database/immutable-files-restored")
                .then()
                .statusCode(400)
                .body("message", containsString("nb_immutable_files"));
        api().contentType(ContentType.JSON)
                .body("{\"nb_immutable_files\":4294967296}")
                .post("/aggregator/statistics/cardano-database/immutable-files-restored")
                .then()
                .statusCode(400);
        api().contentType(ContentType.JSON)
                .body("{\"epoch\":\"x\",\"party_id\":\"p\",\"verification_key\":\"00\"}")
                .post("/aggregator/register-signer")
                .then()
                .statusCode(400)
                .body("message", containsString("epoch"));
        api().contentType(ContentType.JSON)
                .body(
                        "{\"entity_type\":{\"Unknown\":1},\"party_id\":\"p\",\"signature\":\"00\",\"indexes\":[1],\"signed_message\":\"x\"}")
                .post("/aggregator/register-signatures")
                .then()
                .statusCode(400)
                .body("message", containsString("unknown variant"));
        assertEquals(before, rowCounts());
    }

    @Test
    void wrongMethods() {
        undocumented()
                .delete("/aggregator/certificates")
                .then()
                .statusCode(405)
                .body("label", equalTo("method_not_allowed"));
        undocumented().get("/aggregator/register-signer").then().statusCode(405);
        undocumented().get("/aggregator/no/such/route").then().statusCode(404).body(equalTo(""));
    }

    private static void invalidEpoch(String route, String message) {
        api().get("/aggregator/" + route)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("label", equalTo("invalid_epoch"))
                .body("message", equalTo(message));
    }

    private static void proofError(String query, String message) {
        api().get("/aggregator/proof/cardano-transaction?" + query)
                .then()
                .statusCode(400)
                .body("label", equalTo("invalid_transaction_hashes"))
                .body("message", equalTo(message));
    }
}
