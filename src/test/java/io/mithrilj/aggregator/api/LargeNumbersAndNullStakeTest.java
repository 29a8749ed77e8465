package io.mithrilj.aggregator.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.certifier.GenesisService;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * u64 inputs at and above 2^63 are refused with a 400 naming the field (where the value is used) or accepted
 * (where it is only checked), never turned negative; a registration stored without stake (the column is
 * nullable) is served, not a NullPointerException.
 */
@QuarkusTest
class LargeNumbersAndNullStakeTest extends ApiTestBase {

    private static final String TWO_POW_63 = "9223372036854775808";
    private static final String U64_MAX = "18446744073709551615";
    private static final Duration T = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    GenesisService genesis;

    @Test
    void aRegistrationEpochAbove2Pow63IsRefusedNamingTheField() {
        for (String epoch : new String[] {TWO_POW_63, U64_MAX}) {
            api().contentType(ContentType.JSON)
                    .body("{\"epoch\":" + epoch + ",\"party_id\":\"p\",\"verification_key\":\"00\"}")
                    .post("/aggregator/register-signer")
                    .then()
                    .statusCode(400)
                    .body("label", equalTo("invalid_request_body"))
                    .body("message", containsString("invalid value for `epoch`: " + epoch + " is above"));
        }
    }

    @Test
    void checkedOnlyU64FieldsAcceptTheWholeRange() {
        ObjectNode node = (ObjectNode) MessageJson.parse(
                Fixtures.json("snapshots-list.json").get(0).deepCopy().toString());
        node.remove("certificate_hash");
        node.remove("created_at");
        node.put("size", new java.math.BigInteger(U64_MAX));
        ((ObjectNode) node.get("beacon")).put("immutable_file_number", new java.math.BigInteger(U64_MAX));
        api().contentType(ContentType.JSON)
                .body(node.toString())
                .post("/aggregator/statistics/snapshot")
                .then()
                .statusCode(201);
        node.put("size", new java.math.BigInteger("18446744073709551616")); // 2^64: not a u64
        api().contentType(ContentType.JSON)
                .body(node.toString())
                .post("/aggregator/statistics/snapshot")
                .then()
                .statusCode(400)
                .body("message", containsString("`size`, expected u64"));
    }

    @Test
    void anEpochPathParameterAbove2Pow63FindsNothing() {
        api().get("/aggregator/signers/registered/" + U64_MAX).then().statusCode(404);
        api().get("/aggregator/signers/registered/" + TWO_POW_63).then().statusCode(404);
    }

    @Test
    void aRegistrationWithoutStakeIsServed() {
        long epoch = FixtureSeeder.CURRENT_EPOCH; // next signers of /epoch-settings, /status totals
        pool.query("insert into signer (signer_id, created_at, updated_at) values ('null-stake-party', 'x', 'x')"
                        + " on conflict do nothing")
                .execute()
                .await()
                .atMost(T);
        pool.query("""
                insert into signer_registration (signer_id, epoch_setting_id, verification_key, stake, created_at)
                select 'null-stake-party', epoch_setting_id, verification_key, null, created_at
                from signer_registration where epoch_setting_id = %d limit 1""".formatted(epoch)).execute().await().atMost(T);
        try {
            api().get("/aggregator/signers/registered/" + (epoch - 1))
                    .then()
                    .statusCode(200)
                    .body("registrations.find { it.party_id == 'null-stake-party' }.stake", equalTo(0));
            api().get("/aggregator/epoch-settings").then().statusCode(200);
            api().get("/aggregator/status").then().statusCode(200);
            // the genesis aggregates the registrations of the current epoch: one without stake is named
            assertThatThrownBy(genesis::inputs)
                    .isInstanceOf(GenesisService.GenesisException.class)
                    .hasMessageContaining("null-stake-party")
                    .hasMessageContaining("has no stake recorded");
        } finally {
            pool.query("delete from signer_registration where signer_id = 'null-stake-party'")
                    .execute()
                    .await()
                    .atMost(T);
            pool.query("delete from signer where signer_id = 'null-stake-party'")
                    .execute()
                    .await()
                    .atMost(T);
        }
    }
}
