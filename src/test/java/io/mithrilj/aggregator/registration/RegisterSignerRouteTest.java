package io.mithrilj.aggregator.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /register-signer} on a leader with an open round: upstream's 24 real signer registrations (real opcerts
 * and KES signatures) are accepted and recorded; each bad input gets upstream's code and a reason, and stores
 * nothing.
 */
@QuarkusTest
@TestProfile(StubChainProfile.class)
class RegisterSignerRouteTest {
    static final long ROUND = 1001;
    static final long STAKE = 20_000_000_001L;
    static final String POOL_A = "pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a";
    static final String POOL_B = "pool1qmt4h5xp8z74uqwg778a6xmgsf6esh0r8ewgxa4eqncx7tafv7s";

    @Inject
    RegistrationService registrations;

    @Inject
    FollowerSignerRegistration follower;

    @Inject
    StubChainObserver chain;

    @Inject
    AggregatorMetrics metrics;

    @Inject
    Pool pool;

    @BeforeEach
    void openRound() {
        deleteRound();
        chain.kesPeriod(Optional.of(0L));
        registrations.openRound(new Epoch(ROUND), StakeDistribution.of(Map.of(POOL_A, STAKE, POOL_B, STAKE)));
    }

    @AfterEach
    void deleteRound() {
        pool.preparedQuery("delete from signer_registration where epoch_setting_id = $1")
                .execute(Tuple.of(ROUND))
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    /** Every registration record of upstream's fake data (MSD artifacts' signers, epoch settings' signers). */
    static List<JsonNode> fixtureRegistrations() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode msd :
                MessageJson.parse(Files.readString(UpstreamReference.fakeData("mithril-stake-distributions.json")))) {
            msd.get("signers").forEach(out::add);
        }
        JsonNode settings = MessageJson.parse(Files.readString(UpstreamReference.fakeData("epoch-settings.json")));
        settings.get("current_signers").forEach(out::add);
        settings.get("next_signers").forEach(out::add);
        return out;
    }

    static String body(long epoch, String partyId, String key, String signature, String opcert, long kesPeriod) {
        return "{\"epoch\":" + epoch + ",\"party_id\":\"" + partyId + "\",\"verification_key\":\"" + key
                + "\",\"verification_key_signature\":\"" + signature + "\",\"operational_certificate\":\"" + opcert
                + "\",\"kes_period\":" + kesPeriod + "}";
    }

    static String body(JsonNode s) {
        return body(
                ROUND,
                s.get("party_id").asText(),
                s.get("verification_key").asText(),
                s.get("verification_key_signature").asText(),
                s.get("operational_certificate").asText(),
                s.get("kes_period").asLong());
    }

    static ValidatableResponse post(String body) {
        return RestAssured.given()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/aggregator/register-signer")
                .then();
    }

    long storedRegistrations() {
        return pool.preparedQuery("select count(*) from signer_registration where epoch_setting_id = $1")
                .execute(Tuple.of(ROUND))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void theTwentyFourFixtureRegistrationsAreAcceptedAndRecorded() throws Exception {
        List<JsonNode> fixture = fixtureRegistrations();
        assertThat(fixture).hasSize(24);
        double successful = metrics.value(MithrilMetric.SIGNER_REGISTRATION_TOTAL_SUCCESSFUL, "NA");
        for (JsonNode s : fixture) post(body(s)).statusCode(201);
        assertThat(storedRegistrations()).isEqualTo(2); // two pools; a re-registration replaces the keys
        assertThat(metrics.value(MithrilMetric.SIGNER_REGISTRATION_TOTAL_SUCCESSFUL, "NA") - successful)
                .as("only new registrations count as successful")
                .isEqualTo(2);
        JsonNode registered = MessageJson.parse(RestAssured.get("/aggregator/signers/registered/" + (ROUND - 1))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(registered.get("registrations").findValuesAsText("party_id"))
                .containsExactlyInAnyOrder(POOL_A, POOL_B);
        // what is stored is the last registration of each pool, keys as sent
        JsonNode last = fixture.getLast();
        String key = pool.preparedQuery(
                        "select verification_key from signer_registration where epoch_setting_id = $1 and signer_id = $2")
                .execute(Tuple.of(ROUND, last.get("party_id").asText()))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getString(0);
        assertThat(key).isEqualTo(last.get("verification_key").asText());
    }

    @Test
    void eachFixtureRegistrationWithAFlippedByteIsRefusedAndNothingIsStored() throws Exception {
        List<JsonNode> fixture = fixtureRegistrations();
        for (int i = 0; i < fixture.size(); i++) {
            JsonNode s = fixture.get(i);
            String party = s.get("party_id").asText();
            String key = s.get("verification_key").asText();
            String signature = s.get("verification_key_signature").asText();
            String opcert = s.get("operational_certificate").asText();
            long kes = s.get("kes_period").asLong();

            byte[] sig = Sum6KesSignature.decode(signature).toBytes();
            sig[(i * 37) % sig.length] ^= 0x01;
            post(body(ROUND, party, key, Sum6KesSignature.fromBytes(sig).toJsonHex(), opcert, kes))
                    .statusCode(400)
                    .body("label", equalTo("failed_signer_registration"))
                    .body("message", startsWith("KeyRegwrapper can not register signer"));

            byte[] cert = OperationalCertificate.decode(opcert).toCborBytes();
            cert[cert.length - 1 - (i % 8)] ^= 0x01; // in the cold key's signature or the cold key
            String badCert = java.util.HexFormat.of().formatHex(cert);
            post(body(ROUND, party, key, signature, badCert, kes)).statusCode(400);

            // the STM key: a flipped byte breaks its encoding, its proof of possession or the KES signature over it
            String flippedKey = flipHexDigit(key, 40 + i);
            post(body(ROUND, party, flippedKey, signature, opcert, kes)).statusCode(400);
        }
        assertThat(storedRegistrations()).isZero();
    }

    @Test
    void kesPeriodTooOldOrTooNewIsRefused() throws Exception {
        JsonNode s = fixtureRegistrations().getFirst();
        chain.kesPeriod(Optional.of(70L)); // beyond the 64 periods of a Sum6 key
        post(body(s)).statusCode(400).body("label", equalTo("failed_signer_registration"));
        chain.kesPeriod(Optional.of(5L)); // the key evolved to another period than the one it signed at
        post(body(s)).statusCode(400).body("label", equalTo("failed_signer_registration"));
        assertThat(storedRegistrations()).isZero();
    }

    @Test
    void anOpcertOfAnotherPoolIsRefused() throws Exception {
        JsonNode a = null;
        JsonNode b = null;
        for (JsonNode s : fixtureRegistrations()) {
            if (s.get("party_id").asText().equals(POOL_A)) a = s;
            else b = s;
        }
        post(body(
                        ROUND,
                        POOL_A,
                        a.get("verification_key").asText(),
                        a.get("verification_key_signature").asText(),
                        b.get("operational_certificate").asText(),
                        a.get("kes_period").asLong()))
                .statusCode(400)
                .body("label", equalTo("failed_signer_registration"));
        assertThat(storedRegistrations()).isZero();
    }

    @Test
    void anUnknownPoolOrAPoolWithoutStakeIsRefused() throws Exception {
        JsonNode s = fixtureRegistrations().getFirst();
        String other = s.get("party_id").asText().equals(POOL_A) ? POOL_B : POOL_A;
        registrations.openRound(new Epoch(ROUND), StakeDistribution.of(Map.of(other, STAKE)));
        post(body(s)).statusCode(400).body("label", equalTo("failed_signer_registration"));
        registrations.openRound(
                new Epoch(ROUND),
                StakeDistribution.of(Map.of(other, STAKE, s.get("party_id").asText(), 0L)));
        post(body(s)).statusCode(400).body("label", equalTo("failed_signer_registration"));
        assertThat(storedRegistrations()).isZero();
    }

    @Test
    void anotherEpochThanTheRoundsIs500AndNoRoundIs550() throws Exception {
        JsonNode s = fixtureRegistrations().getFirst();
        String wrongEpoch = body(s).replace("\"epoch\":" + ROUND, "\"epoch\":" + (ROUND + 1));
        post(wrongEpoch)
                .statusCode(500)
                .body(
                        "message",
                        equalTo("unexpected signer registration round epoch: current_round_epoch: " + ROUND
                                + ", received_epoch: " + (ROUND + 1)));
        registrations.closeRound();
        post(body(s)).statusCode(550).body("message", equalTo(RegistrationService.ROUND_NOT_OPENED));
        assertThat(storedRegistrations()).isZero();
    }

    @Test
    void undecodableKeysAre400CouldNotDecodeSignerPayload() throws Exception {
        JsonNode s = fixtureRegistrations().getFirst();
        post(body(
                        ROUND,
                        POOL_A,
                        "zz",
                        s.get("verification_key_signature").asText(),
                        s.get("operational_certificate").asText(),
                        0))
                .statusCode(400)
                .body("label", equalTo("Could not decode signer payload"));
        post("{\"epoch\":1}").statusCode(400);
        assertThat(storedRegistrations()).isZero();
    }

    /**
     * A follower's record of its leader's signers: the epoch settings' next signers of upstream's fixture, verified
     * like a registration received, recorded together; one whose KES signature has a flipped digit is named and
     * nothing of the batch is recorded.
     */
    @Test
    void theLeadersSignersAreRecordedAllOrNothing() throws Exception {
        JsonNode settings = MessageJson.parse(Files.readString(UpstreamReference.fakeData("epoch-settings.json")));
        List<SignerRegistration> next = new ArrayList<>();
        settings.get("next_signers")
                .forEach(n ->
                        next.add(decode(n, n.get("verification_key_signature").asText())));
        assertThat(next).hasSizeGreaterThanOrEqualTo(2);
        StakeDistribution stakes = StakeDistribution.of(Map.of(POOL_A, STAKE, POOL_B, STAKE));

        List<SignerRegistration> tampered = new ArrayList<>(next);
        JsonNode last = settings.get("next_signers").get(next.size() - 1);
        byte[] sig = Sum6KesSignature.decode(
                        last.get("verification_key_signature").asText())
                .toBytes();
        sig[5] ^= 0x01;
        tampered.set(
                next.size() - 1, decode(last, Sum6KesSignature.fromBytes(sig).toJsonHex()));
        assertThatThrownBy(() -> follower.recordLeaderRegistrations(new Epoch(ROUND), tampered, stakes))
                .isInstanceOf(SignerRegistrationRefusedException.class)
                .hasMessageContaining(last.get("party_id").asText());
        assertThat(storedRegistrations()).as("nothing of the batch is recorded").isZero();

        assertThat(follower.recordLeaderRegistrations(new Epoch(ROUND), next, stakes))
                .isEqualTo(next.size());
        long pools = next.stream().map(SignerRegistration::partyId).distinct().count();
        assertThat(storedRegistrations()).isEqualTo(pools);
        // a leader's round is not involved: a follower has none
        registrations.closeRound();
        assertThat(follower.recordLeaderRegistrations(new Epoch(ROUND), next, stakes))
                .isEqualTo(next.size());
        assertThat(storedRegistrations()).isEqualTo(pools);
    }

    private static SignerRegistration decode(JsonNode s, String kesSignature) {
        return SignerRegistration.decode(
                s.get("party_id").asText(),
                s.get("verification_key").asText(),
                kesSignature,
                s.get("operational_certificate").asText(),
                s.get("kes_period").asLong());
    }

    static String flipHexDigit(String hex, int at) {
        int i = at % hex.length();
        char c = hex.charAt(i);
        char flipped = c == '0' ? '1' : c == '1' ? '0' : c == 'a' ? 'b' : c == 'b' ? 'a' : (char) (c ^ 1);
        return hex.substring(0, i) + flipped + hex.substring(i + 1);
    }
}
