package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.cardano.NodeDouble;
import io.mithrilj.aggregator.cardano.NodeQueries;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.certifier.GenesisService;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.registration.RegistrationService;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} with CHAIN_OBSERVER_TYPE=pallas next to a Cardano node double on a Unix socket (the handshake and
 * local state queries of the real protocol, answers built from values) and a copy of upstream's immutable files as
 * DB_DIRECTORY. The double's epoch advances during the test: the runtime reads the epoch, chain point and stakes from
 * it, opens each epoch's registration round, accepts two upstream pools' real registrations (their KES period checked
 * against the node's), and with a genesis made as an operator of a test network would, goes IDLE → READY and follows
 * the next epoch. Node trouble (no socket, a node dropping the connection mid-query, a node restarted on the same
 * socket) fails the cycle with one line naming the socket, turns readiness down with the reason, and the service
 * recovers without a restart.
 */
@QuarkusTest
@TestProfile(CardanoNodeServeTest.Profile.class)
class CardanoNodeServeTest {

    static final long MAGIC = 1_097_911_063;
    static final long EPOCH = 420;
    static final String POOL_A = "pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a";
    static final String POOL_B = "pool1qmt4h5xp8z74uqwg778a6xmgsf6esh0r8ewgxa4eqncx7tafv7s";
    /** A pool of the spec's vectors with stake but no registration. */
    static final String POOL_C = "pool1qqqqqdk4zhsjuxxd8jyvwncf5eucfskz0xjjj64fdmlgj735lr9";

    static final Map<String, Long> STAKES = stakes();
    static final String CANNOT_REACH = "cannot reach the Cardano node at ";

    static Path directory;
    static Ed25519SigningKey genesisKey;

    /** A node-backed aggregator: its socket, network magic and database directory in a directory of its own. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (directory == null) {
                    directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "node-serve-");
                    Path immutable = Files.createDirectories(directory.resolve("db/immutable"));
                    try (Stream<Path> files = Files.list(UpstreamReference.cardanoTestData("immutable"))) {
                        for (Path f : (Iterable<Path>) files::iterator)
                            Files.copy(f, immutable.resolve(f.getFileName()));
                    }
                    genesisKey = Ed25519SigningKey.generate();
                }
                return Map.of(
                        "mithril.chain-observer-type", "pallas",
                        "mithril.cardano-node-socket-path", socket().toString(),
                        "mithril.network", "private",
                        "mithril.network-magic", Long.toString(MAGIC),
                        "mithril.db-directory", directory.resolve("db").toString(),
                        "mithril.era-reader-adapter-type", "bootstrap",
                        "mithril.run-interval", "1000",
                        "mithril.genesis-secret-key", genesisKey.toJsonHex(),
                        "mithril.data-stores-directory",
                                directory.resolve("stores").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Path socket() {
        return directory.resolve("node.socket");
    }

    static Map<String, Long> stakes() {
        Map<String, Long> stakes = new LinkedHashMap<>();
        stakes.put(POOL_A, 20_000_000_001L);
        stakes.put(POOL_B, 30_000_000_002L);
        stakes.put(POOL_C, 300_000_000_001L);
        return stakes;
    }

    @Inject
    Pool pool;

    @Inject
    RuntimeCycle runtime;

    @Inject
    RegistrationService registrations;

    @Inject
    GenesisService genesis;

    @Inject
    GenesisKeys genesisKeys;

    @Inject
    AggregatorMetrics metrics;

    NodeDouble node;

    /** The runtime's log: the cycle's lines and the state machine's transitions. */
    final java.util.logging.Logger runtimeLog = java.util.logging.Logger.getLogger(RuntimeCycle.class.getPackageName());

    final List<ExtLogRecord> cycleLog = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord r) cycleLog.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void start() {
        RunningDevnet.truncate(pool);
        runtimeLog.addHandler(capture);
    }

    @AfterEach
    void stop() throws InterruptedException {
        runtime.unschedule();
        Thread.sleep(1_000); // a cycle under way ends
        runtimeLog.removeHandler(capture);
        if (node != null) node.close();
        RunningDevnet.truncate(pool);
    }

    @Test
    void servesOnTheNodeThroughEpochsAndRidesOutNodeTrouble() throws Exception {
        // no node yet: the cycle fails with one line naming the socket, readiness says why, the service stays up
        runtime.schedule();
        awaitCycles(3);
        assertThat(nodeLines())
                .as("one line for the missing socket, however many cycles fail")
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getFormattedMessage())
                            .contains(CANNOT_REACH + socket() + ": no socket file at " + socket());
                    assertThat(r.getThrown()).as("no stack trace").isNull();
                });
        assertNodeNotReady(": no socket file at " + socket());
        RestAssured.get("/q/health/live").then().statusCode(200);

        // the node starts at EPOCH: the runtime follows it, opens the round of EPOCH + 1, signers register
        node = nodeAt(EPOCH);
        awaitEpochSettings(EPOCH);
        assertNodeReady();
        JsonNode status = get("/aggregator/status");
        assertThat(status.get("cardano_era").asText()).isEqualTo("Conway");
        assertThat(status.get("cardano_network").asText()).isEqualTo("private");
        awaitRound(EPOCH + 1);
        registerBothPools(EPOCH + 1);
        assertThat(runtime.state()).get().isInstanceOf(AggregatorState.Idle.class); // no signers of EPOCH yet

        // EPOCH + 1: the pools registered for it are its next signers; a genesis is made (genesis bootstrap)
        answerEpoch(EPOCH + 1);
        awaitEpochSettings(EPOCH + 1);
        assertThat(partyIds(get("/aggregator/epoch-settings").get("next_signers")))
                .containsExactlyInAnyOrder(POOL_A, POOL_B);
        awaitRound(EPOCH + 2);
        registerBothPools(EPOCH + 2);
        Certificate genesisCertificate =
                genesis.bootstrap(genesisKeys.secretKey().orElseThrow());
        assertThat(genesisCertificate.epoch()).isEqualTo(new Epoch(EPOCH + 1));

        // EPOCH + 2: signers and a certificate chain: IDLE → READY → SIGNING (the open message waits for signatures)
        answerEpoch(EPOCH + 2);
        await(
                "SIGNING at epoch " + (EPOCH + 2),
                Duration.ofSeconds(30),
                () -> runtime.state()
                        .filter(s -> s instanceof AggregatorState.Signing signing
                                && signing.timePoint().epoch().equals(new Epoch(EPOCH + 2)))
                        .isPresent());
        assertThat(cycleLog).anySatisfy(r -> assertThat(r.getFormattedMessage()).contains("IDLE → READY"));
        status = get("/aggregator/status");
        assertThat(status.get("epoch").asLong()).isEqualTo(EPOCH + 2);
        assertThat(status.get("total_signers").asLong()).isEqualTo(2);
        assertThat(status.get("total_stakes_signers").asLong()).isEqualTo(STAKES.get(POOL_A) + STAKES.get(POOL_B));
        assertThat(status.get("total_cardano_spo").asLong()).isEqualTo(STAKES.size());
        JsonNode settings = get("/aggregator/epoch-settings");
        assertThat(partyIds(settings.get("current_signers"))).containsExactlyInAnyOrder(POOL_A, POOL_B);
        assertThat(partyIds(settings.get("next_signers"))).containsExactlyInAnyOrder(POOL_A, POOL_B);

        // the node drops the connection mid-query: one line, readiness down, state kept; it answers again: ready
        int linesBefore = nodeLines().size();
        node.dropConnectionOn(NodeQueries.EPOCH_NO);
        awaitCycles(3);
        assertThat(nodeLines().subList(linesBefore, nodeLines().size()))
                .singleElement()
                .satisfies(r -> assertThat(r.getFormattedMessage())
                        .contains(CANNOT_REACH + socket() + ": " + socket() + " closed the connection"));
        assertNodeNotReady(": " + socket() + " closed the connection");
        assertThat(runtime.state()).get().as("state kept").isInstanceOf(AggregatorState.Signing.class);
        node.stopDropping();
        awaitNodeReady();
        awaitCycles(2);
        // and when it drops again, that is said again
        node.dropConnectionOn(NodeQueries.EPOCH_NO);
        awaitCycles(2);
        assertThat(nodeLines()).hasSize(linesBefore + 2);
        node.stopDropping();

        // the node restarts on the same socket, one epoch later: no restart of the service, the epoch is followed
        node.close();
        await(
                "a cycle without the node",
                Duration.ofSeconds(30),
                () -> runtime.lastCycle()
                        .flatMap(RuntimeCycle.CycleReport::error)
                        .filter(e -> e.contains(": no socket file at "))
                        .isPresent());
        assertNodeNotReady(": no socket file at " + socket());
        double succeeded = metrics.value(MithrilMetric.RUNTIME_CYCLE_SUCCESS);
        node = nodeAt(EPOCH + 3);
        await(
                "a successful cycle on the restarted node",
                Duration.ofSeconds(30),
                () -> metrics.value(MithrilMetric.RUNTIME_CYCLE_SUCCESS) > succeeded);
        assertNodeReady();
        assertThat(cycleLog).anySatisfy(r -> assertThat(r.getFormattedMessage()).contains("cycle succeeded again"));
        awaitEpochSettings(EPOCH + 3);
        assertThat(partyIds(get("/aggregator/epoch-settings").get("current_signers")))
                .containsExactlyInAnyOrder(POOL_A, POOL_B);
        awaitRound(EPOCH + 4);
        assertThat(nodeLines().subList(linesBefore + 2, nodeLines().size()))
                .as("the restart's line")
                .anySatisfy(r -> assertThat(r.getFormattedMessage())
                        .contains(CANNOT_REACH + socket() + ": no socket file at " + socket()));
    }

    /** A new double on the socket answering the chain at {@code epoch}. */
    NodeDouble nodeAt(long epoch) {
        NodeDouble started = NodeDouble.start(directory, MAGIC)
                .answer(NodeQueries.CURRENT_ERA, NodeQueries.eraResult(NodeQueries.CONWAY))
                .answer(NodeQueries.GENESIS_CONFIG, NodeQueries.genesisResult(129_600))
                .answer(NodeQueries.STAKE_SNAPSHOTS, NodeQueries.stakeSnapshotsResult(STAKES));
        node = started;
        answerEpoch(epoch);
        return started;
    }

    /**
     * The double's epoch and tip at {@code epoch}; the slot stays within the first KES period (129,600 slots), where
     * upstream's fixture registrations were signed.
     */
    void answerEpoch(long epoch) {
        long slot = 1_000 + (epoch - EPOCH) * 100;
        node.answer(NodeQueries.EPOCH_NO, NodeQueries.epochResult(epoch))
                .answer(NodeQueries.CHAIN_POINT, NodeQueries.chainPointResult(slot, "%064x".formatted(epoch)))
                .answer(NodeQueries.CHAIN_BLOCK_NO, NodeQueries.blockNoResult(slot / 20));
    }

    /** Upstream's last real registration of each of the two pools, posted for {@code epoch}: 201. */
    void registerBothPools(long epoch) throws IOException {
        Map<String, JsonNode> lastOfEachPool = new LinkedHashMap<>();
        JsonNode fixture = MessageJson.parse(Files.readString(UpstreamReference.fakeData("epoch-settings.json")));
        for (JsonNode s : fixture.get("next_signers"))
            lastOfEachPool.put(s.get("party_id").asText(), s);
        assertThat(lastOfEachPool.keySet()).containsExactlyInAnyOrder(POOL_A, POOL_B);
        for (JsonNode s : lastOfEachPool.values()) {
            String body = "{\"epoch\":" + epoch + ",\"party_id\":\""
                    + s.get("party_id").asText()
                    + "\",\"verification_key\":\"" + s.get("verification_key").asText()
                    + "\",\"verification_key_signature\":\""
                    + s.get("verification_key_signature").asText() + "\",\"operational_certificate\":\""
                    + s.get("operational_certificate").asText() + "\",\"kes_period\":"
                    + s.get("kes_period").asLong() + "}";
            RestAssured.given()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/aggregator/register-signer")
                    .then()
                    .statusCode(201);
        }
    }

    List<ExtLogRecord> nodeLines() {
        return cycleLog.stream()
                .filter(r -> r.getFormattedMessage().contains("cycle failed"))
                .filter(r -> r.getFormattedMessage().contains(CANNOT_REACH))
                .toList();
    }

    void awaitCycles(int count) throws InterruptedException {
        double target = metrics.value(MithrilMetric.RUNTIME_CYCLE_TOTAL) + count;
        await(
                count + " cycles",
                Duration.ofSeconds(30),
                () -> metrics.value(MithrilMetric.RUNTIME_CYCLE_TOTAL) >= target);
    }

    void awaitEpochSettings(long epoch) throws InterruptedException {
        await(
                "epoch settings of epoch " + epoch,
                Duration.ofSeconds(30),
                () -> RestAssured.get("/aggregator/epoch-settings").statusCode() == 200
                        && get("/aggregator/epoch-settings").get("epoch").asLong() == epoch);
        assertThat(get("/aggregator/status").get("epoch").asLong()).isEqualTo(epoch);
    }

    void awaitRound(long epoch) throws InterruptedException {
        await(
                "the registration round of epoch " + epoch,
                Duration.ofSeconds(30),
                () -> registrations
                        .currentRound()
                        .map(r -> r.epoch().equals(new Epoch(epoch)))
                        .orElse(false));
    }

    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what + "; last cycle " + runtime.lastCycle()
                        + ", state " + runtime.state());
            }
            Thread.sleep(100);
        }
    }

    JsonNode nodeCheck() {
        JsonNode health = MessageJson.parse(
                RestAssured.get("/q/health/ready").then().extract().asString());
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(CardanoNodeReadiness.NAME)) return check;
        }
        throw new AssertionError("no '" + CardanoNodeReadiness.NAME + "' readiness check in " + health);
    }

    void assertNodeNotReady(String reason) {
        RestAssured.get("/q/health/ready").then().statusCode(503);
        JsonNode check = nodeCheck();
        assertThat(check.get("status").asText()).isEqualTo("DOWN");
        assertThat(check.get("data").get("socket").asText()).isEqualTo(socket().toString());
        assertThat(check.get("data").get("error").asText()).contains(CANNOT_REACH + socket() + reason);
    }

    void awaitNodeReady() throws InterruptedException {
        await(
                "readiness of the node",
                Duration.ofSeconds(30),
                () -> nodeCheck().get("status").asText().equals("UP"));
        assertNodeReady();
    }

    void assertNodeReady() {
        JsonNode check = nodeCheck();
        assertThat(check.get("status").asText()).as(check.toString()).isEqualTo("UP");
        assertThat(check.get("data").has("error")).isFalse();
        RestAssured.get("/q/health/ready").then().statusCode(200);
    }

    static JsonNode get(String path) {
        return MessageJson.parse(
                RestAssured.get(path).then().statusCode(200).extract().asString());
    }

    static List<String> partyIds(JsonNode signers) {
        List<String> ids = new ArrayList<>();
        signers.forEach(s -> ids.add(s.get("party_id").asText()));
        return ids;
    }
}
