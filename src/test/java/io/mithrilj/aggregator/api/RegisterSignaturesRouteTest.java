package io.mithrilj.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.certificate.MultiSigner;
import io.mithrilj.aggregator.certifier.CertifierService;
import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.certifier.SignableBuilderService;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.devnet.DevnetPool;
import io.mithrilj.aggregator.devnet.ParetoStakes;
import io.mithrilj.aggregator.devnet.SignerKeyRegistrations;
import io.mithrilj.aggregator.devnet.SignerMessages;
import io.mithrilj.aggregator.devnet.SimulatedChain;
import io.mithrilj.aggregator.devnet.SimulatedSigner;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.persistence.OpenMessageRepository;
import io.mithrilj.aggregator.persistence.StakePoolRepository;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.registration.RegistrationService;
import io.mithrilj.aggregator.registration.StubChainObserver;
import io.mithrilj.aggregator.registration.StubChainProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /register-signatures} with real STM signatures: five simulated pools register for epochs E and E+1 over
 * HTTP, the epoch service is informed of E+1, an open message of {@code MithrilStakeDistribution(E+1)} is created and
 * the pools sign it. Each bad input gets upstream's status and text, counts as received but not as successful, and
 * stores nothing. Everything inserted is deleted afterwards (the database is shared with the API tests).
 */
@QuarkusTest
@TestProfile(StubChainProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterSignaturesRouteTest {
    static final long E = 2000;
    static final Epoch CURRENT = new Epoch(E + 1);
    /** What application.properties configures (k=5, m=100, phi_f=0.65). */
    static final ProtocolParameters PARAMETERS = new ProtocolParameters(5, 100, 0.65);

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration T = Duration.ofSeconds(30);
    static final List<String> TABLES = List.of(
            "epoch_setting",
            "signer",
            "signer_registration",
            "stake_pool",
            "open_message",
            "single_signature",
            "buffered_single_signature");

    static final SignedEntityType MSD = new SignedEntityType.MithrilStakeDistribution(CURRENT);
    /** Signed at E+1 like the MSD, so that its signatures belong to the registrations of E. */
    static final SignedEntityType CSD = new SignedEntityType.CardanoStakeDistribution(new Epoch(E));

    @Inject
    RegistrationService registrations;

    @Inject
    StubChainObserver chainObserver;

    @Inject
    EpochService epochService;

    @Inject
    CertifierService certifier;

    @Inject
    SignableBuilderService signables;

    @Inject
    OpenMessageRepository openMessages;

    @Inject
    StakePoolRepository stakePools;

    @Inject
    AggregatorMetrics metrics;

    @Inject
    Pool pool;

    private final List<String> parties = new ArrayList<>();
    private List<SimulatedSigner> signers;
    private SimulatedSigner outsider;
    /** The registration the outsider made for E and kept, but never sent. */
    private JsonNode outsiderJson;

    private EpochSettingsMessage settings;
    private ProtocolMessage message;
    private OpenMessage open;
    /** The signature each pool that won an index made of the MSD open message. */
    private final Map<String, Signed> signatures = new LinkedHashMap<>();

    /** One signer's signature as it sends it. */
    record Signed(String partyId, StmSingleSignature signature, String signedMessage) {
        String body(SignedEntityType type) {
            return SignerMessages.registerSignature(
                    type, partyId, signature.toJsonHex(), signature.indexes(), signedMessage);
        }

        /** The same signature claiming other lottery indexes (the BLS part is unchanged). */
        Signed withIndexes(long[] indexes) {
            return new Signed(
                    partyId,
                    new StmSingleSignature(signature.sigma(), indexes, signature.signerIndex()),
                    signedMessage);
        }

        static Signed parse(String body) {
            JsonNode json = MessageJson.parse(body);
            try {
                return new Signed(
                        json.get("party_id").asText(),
                        StmSingleSignature.decode(json.get("signature").asText()),
                        json.get("signed_message").asText());
            } catch (StmException e) {
                throw new AssertionError("a simulated signer's signature does not decode", e);
            }
        }
    }

    private boolean setUp;
    /** The row counts before this class inserted anything: what it must leave. */
    private Map<String, Long> found;

    /** Once, before the first test (REST Assured knows the test port only from the first test on). */
    @BeforeEach
    void registerSignersAndOpenAMessage() throws Exception {
        if (setUp) return;
        setUp = true;
        SplittableRandom random = new SplittableRandom(0x5167_7e57L);
        List<DevnetPool> all = DevnetPool.generateAll(ParetoStakes.CARDANO_LIKE.sample(6, random), 0, random);
        List<DevnetPool> pools = all.subList(0, 5);
        all.forEach(p -> parties.add(p.partyId()));
        deleteEverything(); // a previous aborted run on the same database may have left rows
        found = rowCounts();

        // the chain stays in epoch E−1 (fixed clock), at KES period 19 (slot 1 999 000, 100 000 slots a period)
        SimulatedChain.Settings chainSettings = new SimulatedChain.Settings(START, E - 1, 1000, 100_000, 3);
        InstantSource clock = InstantSource.fixed(START);
        SimulatedChain chain = new SimulatedChain(chainSettings, clock, SimulatedChain.stakeDistributionOf(pools));
        SignerKeyRegistrations keyRegistrations = new SignerKeyRegistrations();
        signers = new ArrayList<>();
        for (DevnetPool p : pools) {
            signers.add(new SimulatedSigner(p, chain, new SplittableRandom(random.nextLong()), keyRegistrations));
        }
        chainObserver.kesPeriod(chain.currentKesPeriod());
        chainObserver.stakes(chain.currentStakeDistribution());

        StakeDistribution distribution = StakeDistribution.of(chain.currentStakeDistribution());
        for (long recording = E; recording <= E + 1; recording++) {
            registrations.openRound(new Epoch(recording), distribution);
            EpochSettingsMessage asked =
                    new EpochSettingsMessage(new Epoch(recording - 1), Optional.of(PARAMETERS), List.of(), List.of());
            for (SimulatedSigner s : signers) {
                SimulatedSigner.Registration registration =
                        s.prepareRegistration(asked, PARAMETERS).orElseThrow();
                RestAssured.given()
                        .filter(OpenApiValidationFilter.instance())
                        .contentType(ContentType.JSON)
                        .body(registration.json())
                        .post("/aggregator/register-signer")
                        .then()
                        .statusCode(201);
                s.registered(registration);
            }
        }
        registrations.closeRound();

        // a sixth pool with a key of its own for E, which it never sent to this aggregator
        SimulatedChain outsiderChain =
                new SimulatedChain(chainSettings, clock, SimulatedChain.stakeDistributionOf(all));
        outsider = new SimulatedSigner(
                all.get(5), outsiderChain, new SplittableRandom(random.nextLong()), new SignerKeyRegistrations());
        SimulatedSigner.Registration outsiderRegistration = outsider.prepareRegistration(
                        new EpochSettingsMessage(new Epoch(E - 1), Optional.of(PARAMETERS), List.of(), List.of()),
                        PARAMETERS)
                .orElseThrow();
        outsider.registered(outsiderRegistration);
        outsiderJson = MessageJson.parse(outsiderRegistration.json());

        epochService.informEpoch(CURRENT, "Conway", "pythagoras");
        epochService.precomputeEpochData();
        // the CardanoStakeDistribution of E is the distribution recorded at E+2
        stakePools
                .saveAll(E + 2, chain.currentStakeDistribution(), Rfc3339.format(Instant.now()))
                .await()
                .atMost(T);

        message = signables.computeProtocolMessage(MSD);
        open = certifier.createOpenMessage(MSD, message);
        settings = EpochSettingsMessage.parse(RestAssured.get("/aggregator/epoch-settings")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(settings.epoch()).isEqualTo(CURRENT);
        assertThat(settings.currentSigners()).hasSize(5);
        for (SimulatedSigner s : signers) {
            s.prepareSignature(settings, MSD, message)
                    .map(Signed::parse)
                    .ifPresent(sg -> signatures.put(sg.partyId, sg));
        }
        assertThat(signatures).as("pools that won an index of the MSD message").hasSizeGreaterThanOrEqualTo(2);
    }

    @AfterEach
    void deleteSignatures() {
        execute("delete from single_signature where open_message_id = $1", Tuple.of(open.id()));
        execute(
                "delete from open_message where epoch_setting_id between $1 and $2 and open_message_id <> $3",
                Tuple.of(E - 1, E + 10, open.id()));
        execute("delete from buffered_single_signature where party_id = any($1)", Tuple.of((Object)
                parties.toArray(String[]::new)));
    }

    void deleteEverything() {
        execute("delete from open_message where epoch_setting_id between $1 and $2", Tuple.of(E - 1, E + 10));
        if (!parties.isEmpty()) {
            String[] ids = parties.toArray(String[]::new);
            execute("delete from buffered_single_signature where party_id = any($1)", Tuple.of((Object) ids));
            execute("delete from signer_registration where signer_id = any($1)", Tuple.of((Object) ids));
            execute("delete from signer where signer_id = any($1)", Tuple.of((Object) ids));
        }
        // informEpoch(E+1) stored the settings of E, E+1 and E+2
        execute("delete from epoch_setting where epoch_setting_id between $1 and $2", Tuple.of(E, E + 2));
        execute("delete from stake_pool where epoch = $1", Tuple.of(E + 2));
    }

    @AfterAll
    void leftAsFound() {
        if (found == null) return;
        deleteEverything();
        assertThat(rowCounts()).as("the shared tables as this class found them").isEqualTo(found);
    }

    // --- accepted ---------------------------------------------------------------------------------------------

    @Test
    void aValidSignatureIs201AndStoredOnceEvenWhenSentAgain() {
        Signed s = signatures.values().iterator().next();
        post(s.body(MSD), 201);
        assertThat(storedSignatures(open.id())).containsExactly(s.partyId);
        post(s.body(MSD), 201); // replaced: still one row
        assertThat(storedSignatures(open.id())).containsExactly(s.partyId);
        assertThat(storedIndexes(open.id(), s.partyId)).isEqualTo(indexesText(s.signature.indexes()));

        for (Signed other : signatures.values()) post(other.body(MSD), 201);
        assertThat(storedSignatures(open.id())).containsExactlyInAnyOrderElementsOf(signatures.keySet());
    }

    @Test
    void aSignatureWithoutOpenMessageIsBufferedThen202AndReplayedWhenTheOpenMessageIsCreated() {
        ProtocolMessage csdMessage = signables.computeProtocolMessage(CSD);
        Map<String, String> bodies = new LinkedHashMap<>();
        for (SimulatedSigner s : signers) {
            s.prepareSignature(settings, CSD, csdMessage)
                    .ifPresent(body -> bodies.put(Signed.parse(body).partyId, body));
        }
        assertThat(bodies).isNotEmpty();
        for (String body : bodies.values()) post(body, 202);
        assertThat(bufferedSignatures()).containsExactlyInAnyOrderElementsOf(bodies.keySet());
        assertThat(certifier.openMessage(CSD)).isEmpty();

        OpenMessage csd = certifier.createOpenMessage(CSD, csdMessage);
        assertThat(storedSignatures(csd.id())).containsExactlyInAnyOrderElementsOf(bodies.keySet());
        assertThat(bufferedSignatures()).isEmpty();
    }

    /** Upstream keeps a buffered signature that does not verify against the open message when it comes. */
    @Test
    void aBufferedSignatureThatDoesNotVerifyAgainstTheOpenMessageStaysBuffered() {
        ProtocolMessage csdMessage = signables.computeProtocolMessage(CSD);
        Signed s = firstSignature(new SignedEntityType.CardanoStakeDistribution(new Epoch(E + 12)), otherMessage());
        post(s.body(CSD), 202); // authenticated: the request's signed message is the one signed
        OpenMessage csd = certifier.createOpenMessage(CSD, csdMessage);
        assertThat(storedSignatures(csd.id())).isEmpty();
        assertThat(bufferedSignatures()).containsExactly(s.partyId);
    }

    // --- lottery indexes --------------------------------------------------------------------------------------

    @Test
    void anIndexTheSignerDidNotWinIs400() {
        Signed s = signatures.values().iterator().next();
        long[] won = s.signature.indexes();
        long lost = LongStream.range(0, PARAMETERS.m())
                .filter(i -> Arrays.stream(won).noneMatch(w -> w == i))
                .findFirst()
                .orElseThrow();
        long[] claimed =
                LongStream.concat(Arrays.stream(won), LongStream.of(lost)).toArray();
        post(s.withIndexes(claimed).body(MSD), 400)
                .body("label", equalTo("Could not authenticate signature"))
                .body("message", equalTo("Signature could not be authenticated"));
    }

    @Test
    void anIndexBeyondMIs400() {
        Signed s = signatures.values().iterator().next();
        long[] claimed = LongStream.concat(Arrays.stream(s.signature.indexes()), LongStream.of(PARAMETERS.m() + 1))
                .toArray();
        post(s.withIndexes(claimed).body(MSD), 400).body("label", equalTo("Could not authenticate signature"));
    }

    /**
     * Upstream checks each claimed index (bound, lottery) and not their uniqueness: a won index sent twice is
     * accepted and stored as sent; the aggregation counts it once.
     */
    @Test
    void aWonIndexSentTwiceIsAcceptedAsUpstreamButCountsOnceInTheQuorum() {
        Signed best = signatures.values().stream()
                .max((a, b) -> Integer.compare(a.signature.indexes().length, b.signature.indexes().length))
                .orElseThrow();
        long[] won = best.signature.indexes();
        assertThat((long) won.length).as("indexes won by the largest pool").isGreaterThanOrEqualTo(PARAMETERS.k());
        long[] duplicated = {won[0], won[1], won[2], won[3], won[0]};
        Signed twice = best.withIndexes(duplicated);
        post(twice.body(MSD), 201);
        assertThat(storedIndexes(open.id(), best.partyId)).isEqualTo(indexesText(duplicated));

        MultiSigner current = epochService.multiSigners().current();
        String signedMessage = message.computeHash();
        assertThat(current.aggregate(List.of(twice.signature), signedMessage))
                .as("4 distinct indexes of k=5, one of them twice")
                .isEmpty();
        long[] five = Arrays.copyOf(won, 5);
        assertThat(current.aggregate(List.of(best.withIndexes(five).signature), signedMessage))
                .as("5 distinct won indexes")
                .isPresent();
    }

    // --- who signed, what was signed ----------------------------------------------------------------------------

    @Test
    void aPartyThatIsNotASignerIs400() {
        // the outsider signs with its own view of the signers (theirs and its own key)
        EpochSettingsMessage.Signer own = outsiderSigner();
        List<EpochSettingsMessage.Signer> withOutsider = new ArrayList<>(settings.currentSigners());
        withOutsider.add(own);
        EpochSettingsMessage outsiderView = new EpochSettingsMessage(
                settings.epoch(), settings.signerRegistrationProtocol(), withOutsider, settings.nextSigners());
        Signed s = outsider.prepareSignature(outsiderView, MSD, message)
                .map(Signed::parse)
                .orElseThrow(() -> new AssertionError("the outsider won no index"));
        post(s.body(MSD), 400).body("label", equalTo("Could not authenticate signature"));
    }

    @Test
    void aSignatureClaimedByAnotherSignerIs400() {
        List<Signed> list = new ArrayList<>(signatures.values());
        Signed a = list.get(0);
        Signed b = list.get(1);
        post(new Signed(b.partyId, a.signature, a.signedMessage).body(MSD), 400)
                .body("label", equalTo("Could not authenticate signature"));
    }

    @Test
    void aSignatureOverAnotherMessageThanTheRequestsIs400() {
        Signed s = signatures.values().iterator().next();
        String other = otherMessage().computeHash();
        post(new Signed(s.partyId, s.signature, other).body(MSD), 400)
                .body("label", equalTo("Could not authenticate signature"))
                .body("message", equalTo("Signature could not be authenticated"));
    }

    @Test
    void aSignatureOverTheRequestsMessageThatIsNotTheOpenMessagesIs500() {
        ProtocolMessage other = otherMessage();
        // the signer signs a beacon once: the other message is signed under another beacon, then sent for the MSD
        Signed s = firstSignature(new SignedEntityType.MithrilStakeDistribution(new Epoch(E + 9)), other);
        post(s.body(MSD), 500)
                .body(
                        "message",
                        startsWith("Invalid single signature for MithrilStakeDistribution(Epoch(2001)) from party '"
                                + s.partyId + "'.\n\nCaused by:\n"));
    }

    /**
     * A signature with the key a signer registered for the next epoch is authenticated (against the next signers, as
     * upstream) but does not verify against the open message, which the current signers sign: 500.
     */
    @Test
    void aSignatureWithTheNextEpochsKeyIsAuthenticatedButIs500() {
        // in E+2 the signers sign with the keys they registered for E+1, the next signers of E+1
        EpochSettingsMessage nextEpoch = new EpochSettingsMessage(
                settings.epoch().next(), settings.signerRegistrationProtocol(), settings.nextSigners(), List.of());
        Signed s = null;
        for (SimulatedSigner signer : signers) {
            Optional<String> body = signer.prepareSignature(
                    nextEpoch, new SignedEntityType.CardanoStakeDistribution(new Epoch(E + 13)), message);
            if (body.isPresent()) {
                s = Signed.parse(body.get());
                break;
            }
        }
        assertThat(s).as("a pool won an index with its next key").isNotNull();
        post(s.body(MSD), 500).body("message", startsWith("Invalid single signature for "));
    }

    // --- open message state -----------------------------------------------------------------------------------

    @Test
    void aCertifiedOpenMessageIs410AlreadyCertified() {
        SignedEntityType type = new SignedEntityType.MithrilStakeDistribution(new Epoch(E + 2));
        OpenMessage certified = certifier.createOpenMessage(type, message);
        openMessages.markCertified(certified.id()).await().atMost(T);
        Signed s = signatures.values().iterator().next();
        post(s.body(type), 410)
                .body("label", equalTo("already_certified"))
                .body(
                        "message",
                        equalTo("Open message for beacon MithrilStakeDistribution(Epoch(2002)) already certified."));
    }

    @Test
    void anOpenMessageCertifiedByAnotherProcessAfterASignatureRefusesTheNextOneWith410AndStoresNothing() {
        // signed during the current epoch with its registrations (the stake distributions' are taken)
        SignedEntityType type = new SignedEntityType.CardanoTransactions(CURRENT, 4242);
        OpenMessage created = certifier.createOpenMessage(type, message);
        java.util.Iterator<Signed> it = signatures.values().iterator();
        Signed first = it.next();
        post(first.body(type), 201); // this process now knows the open message
        // certified by the replica that runs the runtime: what this one knows is stale, the insert itself checks
        openMessages.markCertified(created.id()).await().atMost(T);
        post(it.next().body(type), 410).body("label", equalTo("already_certified"));
        assertThat(storedSignatures(created.id())).containsExactly(first.partyId);
    }

    @Test
    void anExpiredOpenMessageIs410Expired() {
        SignedEntityType type = new SignedEntityType.MithrilStakeDistribution(new Epoch(E + 3));
        OpenMessage created = certifier.createOpenMessage(type, message);
        assertThat(certifier.markOpenMessageIfExpired(type).orElseThrow().expired())
                .as("not yet expired")
                .isFalse();
        execute(
                "update open_message set expires_at = $1 where open_message_id = $2",
                Tuple.of(Rfc3339.format(Instant.now().minusSeconds(60)), created.id()));
        assertThat(certifier.markOpenMessageIfExpired(type).orElseThrow().expired())
                .isTrue();
        Signed s = signatures.values().iterator().next();
        post(s.body(type), 410)
                .body("label", equalTo("expired"))
                .body("message", equalTo("Open message for beacon MithrilStakeDistribution(Epoch(2003)) is expired."));
    }

    // --- malformed --------------------------------------------------------------------------------------------

    @Test
    void aSignatureThatIsNotHexOrNotAnStmSignatureIs400CouldNotDecode() {
        Signed s = signatures.values().iterator().next();
        for (String bad :
                List.of("zz", hex("{\"sigma\":[1,2,3],\"indexes\":[1],\"signer_index\":0}"), hex("not json"), "00")) {
            ObjectNode body = (ObjectNode) MessageJson.parse(s.body(MSD));
            body.put("signature", bad);
            post(MessageJson.write(body), 400).body("label", equalTo("Could not decode signature payload"));
        }
    }

    @Test
    void aMissingFieldOrAMisshapenEntityTypeIs400InvalidRequestBodyAndNotCountedAsReceived() {
        Signed s = signatures.values().iterator().next();
        for (String field : List.of("entity_type", "party_id", "signature", "indexes", "signed_message")) {
            ObjectNode body = (ObjectNode) MessageJson.parse(s.body(MSD));
            body.remove(field);
            postUnparsed(MessageJson.write(body))
                    .body("label", equalTo("invalid_request_body"))
                    .body("message", containsString(field));
        }
        for (String entityType : List.of(
                "\"MithrilStakeDistribution\"",
                "{\"MithrilStakeDistribution\":\"2001\"}",
                "{\"MithrilStakeDistribution\":-1}",
                "{\"MithrilStakeDistribution\":2001,\"CardanoStakeDistribution\":2000}",
                "{\"CardanoImmutableFilesFull\":2001}",
                "{\"NoSuchType\":2001}",
                "[2001]")) {
            ObjectNode body = (ObjectNode) MessageJson.parse(s.body(MSD));
            body.set("entity_type", MessageJson.parse(entityType));
            postUnparsed(MessageJson.write(body)).body("label", equalTo("invalid_request_body"));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Posts a body that parses: counted as received; successful only on 201/202; a refusal stores nothing. */
    ValidatableResponse post(String body, int status) {
        return post(body, status, true);
    }

    /** Posts a body refused before it is read: not even counted as received. */
    ValidatableResponse postUnparsed(String body) {
        return post(body, 400, false);
    }

    private ValidatableResponse post(String body, int status, boolean parsed) {
        double received = metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "HTTP");
        double successful = metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL, "HTTP");
        Map<String, Long> before = rowCounts();
        ValidatableResponse response = RestAssured.given()
                .filter(OpenApiValidationFilter.instance())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/aggregator/register-signatures")
                .then()
                .statusCode(status);
        boolean accepted = status == 201 || status == 202;
        assertThat(metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "HTTP") - received)
                .as("signature_registration_total_received{HTTP}")
                .isEqualTo(parsed ? 1 : 0);
        assertThat(metrics.value(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL, "HTTP") - successful)
                .as("signature_registration_total_successful{HTTP}")
                .isEqualTo(accepted ? 1 : 0);
        if (!accepted)
            assertThat(rowCounts()).as("a refused signature stores nothing").isEqualTo(before);
        return response;
    }

    private EpochSettingsMessage.Signer outsiderSigner() {
        return new EpochSettingsMessage.Signer(
                outsiderJson.get("party_id").asText(),
                outsiderJson.get("verification_key").asText(),
                Optional.of(outsiderJson.get("verification_key_signature").asText()),
                Optional.of(outsiderJson.get("operational_certificate").asText()),
                OptionalLong.of(outsiderJson.get("kes_period").asLong()));
    }

    /** The signature of the first pool that wins an index of {@code signed}, made under a beacon of its own. */
    private Signed firstSignature(SignedEntityType beacon, ProtocolMessage signed) {
        for (SimulatedSigner signer : signers) {
            Optional<String> body = signer.prepareSignature(settings, beacon, signed);
            if (body.isPresent()) return Signed.parse(body.get());
        }
        throw new AssertionError("no pool won an index of " + signed);
    }

    /** The MSD message with another current epoch: what no open message of this test holds. */
    private ProtocolMessage otherMessage() {
        return message.with(ProtocolMessagePartKey.CURRENT_EPOCH, Long.toString(E + 9));
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) {
            counts.put(
                    t,
                    pool.query("select count(*) from " + t)
                            .execute()
                            .await()
                            .atMost(T)
                            .iterator()
                            .next()
                            .getLong(0));
        }
        return counts;
    }

    List<String> storedSignatures(java.util.UUID openMessageId) {
        List<String> out = new ArrayList<>();
        execute(
                        "select signer_id from single_signature where open_message_id = $1 order by signer_id",
                        Tuple.of(openMessageId))
                .forEach(r -> out.add(r.getString(0)));
        return out;
    }

    String storedIndexes(java.util.UUID openMessageId, String partyId) {
        return execute(
                        "select lottery_indexes from single_signature where open_message_id = $1 and signer_id = $2",
                        Tuple.of(openMessageId, partyId))
                .iterator()
                .next()
                .getString(0);
    }

    List<String> bufferedSignatures() {
        List<String> out = new ArrayList<>();
        execute("select party_id from buffered_single_signature where party_id = any($1)", Tuple.of((Object)
                        parties.toArray(String[]::new)))
                .forEach(r -> out.add(r.getString(0)));
        return out;
    }

    private io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> execute(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).await().atMost(T);
    }

    static String indexesText(long[] indexes) {
        return Arrays.stream(indexes)
                .mapToObj(Long::toString)
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
