package io.mithrilj.aggregator.follower;

import static io.mithrilj.aggregator.follower.FakeLeaderAggregator.slow;
import static io.mithrilj.aggregator.follower.FakeLeaderAggregator.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.follower.LeaderAggregatorClient.RetryPolicy;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeaderAggregatorClientTest {
    static final String CSD_11 = "0188b5cb4ad604d3c000099d799ab6c85b38624d947eb99fb49d527bfeec8173";
    static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));
    static final long MIB = 1024 * 1024;

    FakeLeaderAggregator leader;
    LeaderAggregatorClient client;

    @BeforeEach
    void start() throws Exception {
        leader = new FakeLeaderAggregator();
        client = client(Duration.ofSeconds(10), QUICK, LeaderAggregatorClient.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterEach
    void stop() {
        client.close();
        leader.close();
    }

    LeaderAggregatorClient client(Duration timeout, RetryPolicy retry, long maxBodyBytes) {
        return new LeaderAggregatorClient(leader.endpoint() + "/", timeout, retry, maxBodyBytes);
    }

    // --- happy paths

    @Test
    void latestCertificateIsTheFirstListedOneAndEveryRequestCarriesTheHeaders() throws Exception {
        Certificate latest = client.latestCertificate().orElseThrow();

        assertEquals(Fixtures.LATEST, latest.hash());
        assertEquals(CertificateJson.readCertificate(Fixtures.certificateJson(Fixtures.LATEST)), latest);
        assertEquals(
                List.of("/certificates", "/certificate/" + Fixtures.LATEST),
                leader.seen.stream().map(FakeLeaderAggregator.Seen::path).toList());
        for (FakeLeaderAggregator.Seen s : leader.seen) {
            assertEquals("GET", s.method());
            assertEquals("0.1.57", s.header("mithril-api-version"), s.toString());
            assertEquals("application/json", s.header("Accept"), s.toString());
            assertEquals(null, s.header("Upgrade"), s.toString()); // plain http: no h2c upgrade
        }
    }

    @Test
    void genesisCertificateIsTheFixturesGenesis() throws Exception {
        Certificate genesis = client.genesisCertificate().orElseThrow();

        assertEquals(leader.genesisHash, genesis.hash());
        assertEquals(Fixtures.GENESIS, genesis.hash());
        assertTrue(genesis.isGenesis());
        assertEquals(1, leader.seen("/certificate/genesis").size());
    }

    @Test
    void certificateByHash() throws Exception {
        Certificate c = client.getCertificateDetails(CSD_11);

        assertEquals(CertificateJson.readCertificate(Fixtures.certificateJson(CSD_11)), c);
        assertEquals(Epoch.of(11), c.epoch());
    }

    @Test
    void certificateByHashWithACanonicalizerOfTheCallersParsesWithIt() throws Exception {
        List<String> received = new ArrayList<>();
        CryptoCanonicalizer recording = new CryptoCanonicalizer() {
            @Override
            public String aggregateVerificationKey(String text) {
                received.add("avk");
                return CryptoCanonicalizer.STM.aggregateVerificationKey(text);
            }

            @Override
            public String multiSignature(String text) {
                received.add("multi");
                return CryptoCanonicalizer.STM.multiSignature(text);
            }

            @Override
            public String genesisSignature(String text) {
                received.add("genesis");
                return CryptoCanonicalizer.STM.genesisSignature(text);
            }
        };

        Certificate c = client.getCertificateDetails(CSD_11, recording);

        assertEquals(client.getCertificateDetails(CSD_11), c);
        assertEquals(List.of("avk", "multi"), received);
        assertEquals(2, leader.seen("/certificate/" + CSD_11).size());
        LeaderAggregatorException missing =
                assertThrows(LeaderAggregatorException.class, () -> client.getCertificateDetails("00ff", recording));
        assertEquals("Certificate does not exist: '00ff'", missing.getMessage());
    }

    @Test
    void epochSettingsAreParsed() throws Exception {
        JsonNode fixture = Fixtures.json("epoch-settings.json");

        EpochSettingsMessage settings = client.epochSettings();

        assertEquals(Epoch.of(fixture.get("epoch").asLong()), settings.epoch());
        assertEquals(
                fixture.get("current_signers").size(), settings.currentSigners().size());
        assertEquals(fixture.get("next_signers").size(), settings.nextSigners().size());
        assertEquals(
                fixture.get("next_signers").get(0).get("party_id").asText(),
                settings.nextSigners().getFirst().partyId());
        assertEquals(
                fixture.get("signer_registration_protocol").get("k").asLong(),
                settings.signerRegistrationProtocol().orElseThrow().k());
    }

    @Test
    void protocolConfigurationIsTheMessageTextAndEmptyOn404() throws Exception {
        assertEquals(
                FakeLeaderAggregator.PROTOCOL_CONFIGURATION,
                client.protocolConfiguration(FakeLeaderAggregator.PROTOCOL_CONFIGURATION_EPOCH)
                        .orElseThrow());
        assertTrue(client.protocolConfiguration(19).isEmpty());
        assertEquals(1, leader.seen("/protocol-configuration/19").size()); // a 404 is not retried

        leader.always("/protocol-configuration/20", status(200, "[1, 2]"));
        LeaderAggregatorException e =
                assertThrows(LeaderAggregatorException.class, () -> client.protocolConfiguration(20));
        assertEquals(
                "GET " + leader.endpoint() + "/protocol-configuration/20: malformed protocol configuration: "
                        + "protocol configuration: expected a JSON object",
                e.getMessage());
    }

    @Test
    void endpointIsTheApiRootWithoutTrailingSlashes() {
        assertEquals(leader.endpoint(), client.endpoint());
        try (LeaderAggregatorClient defaults = new LeaderAggregatorClient(" https://leader.example/aggregator// ")) {
            assertEquals("https://leader.example/aggregator", defaults.endpoint());
        }
    }

    // --- what the leader has not

    @Test
    void missingGenesisIsEmpty() throws Exception {
        leader.always("/certificate/genesis", status(404, ""));

        assertTrue(client.genesisCertificate().isEmpty());
        assertEquals(1, leader.seen("/certificate/genesis").size());
    }

    @Test
    void missingCertificateIsUpstreamsNotFoundMessage() {
        String hash = "00".repeat(32);
        LeaderAggregatorException e =
                assertThrows(LeaderAggregatorException.class, () -> client.getCertificateDetails(hash));
        assertEquals("Certificate does not exist: '" + hash + "'", e.getMessage());
        assertEquals(1, leader.seen.size());
    }

    @Test
    void noLatestCertificate() throws Exception {
        leader.list = "[]";

        assertTrue(client.latestCertificate().isEmpty());
        assertEquals(1, leader.seen.size());

        // as upstream: the listed latest certificate gone meanwhile is no latest certificate either
        leader.list = Fixtures.json("certificates-list.json").toString();
        leader.certificates.remove(Fixtures.LATEST);
        assertTrue(client.latestCertificate().isEmpty());
        assertEquals(1, leader.seen("/certificate/" + Fixtures.LATEST).size());
    }

    // --- failures

    @Test
    void leaderDownNamesTheUrlAndTheAttempts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port + "/aggregator";
        try (LeaderAggregatorClient down = new LeaderAggregatorClient(
                endpoint, Duration.ofSeconds(5), QUICK, LeaderAggregatorClient.DEFAULT_MAX_BODY_BYTES)) {
            LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, down::epochSettings);

            assertTrue(
                    e.getMessage()
                            .startsWith("GET " + endpoint + "/epoch-settings failed: can not connect to 127.0.0.1:"
                                    + port + ": ConnectException"),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith(" (after 3 attempts)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void unknownHostNamesTheUrl() {
        try (LeaderAggregatorClient nowhere = new LeaderAggregatorClient(
                "http://leader.invalid/aggregator", Duration.ofSeconds(5), RetryPolicy.none(), MIB)) {
            LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, nowhere::epochSettings);

            assertTrue(
                    e.getMessage()
                            .startsWith("GET http://leader.invalid/aggregator/epoch-settings failed: "
                                    + "unknown host leader.invalid: ConnectException"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("attempts"), e.getMessage());
        }
    }

    @Test
    void slowLeaderTimesOut() {
        leader.always("/epoch-settings", slow(Duration.ofSeconds(3), status(200, leader.epochSettings)));
        RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));
        try (LeaderAggregatorClient impatient = client(Duration.ofMillis(300), twice, MIB)) {
            long start = System.nanoTime();
            LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, impatient::epochSettings);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(
                    "GET " + leader.endpoint() + "/epoch-settings timed out after 300 ms (after 2 attempts)",
                    e.getMessage());
            assertTrue(millis < 2500, "took " + millis + " ms, the handler sleeps 3000 ms");
            assertEquals(2, leader.seen("/epoch-settings").size());
        }
    }

    @Test
    void slowBodyTimesOutToo() {
        // headers at once, then a body that never ends: the deadline covers the body, not only the headers
        leader.always("/epoch-settings", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                exchange.getResponseBody().write("{\"epoch\":".getBytes());
                exchange.getResponseBody().flush();
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        try (LeaderAggregatorClient impatient = client(Duration.ofMillis(300), RetryPolicy.none(), MIB)) {
            LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, impatient::epochSettings);

            assertEquals("GET " + leader.endpoint() + "/epoch-settings timed out after 300 ms", e.getMessage());
        }
    }

    @Test
    void serverErrorsAreRetriedUntilTheLeaderAnswers() throws Exception {
        leader.then("/epoch-settings", status(500, "boom"), status(503, "later"));

        EpochSettingsMessage settings = client.epochSettings();

        assertEquals(Epoch.of(18), settings.epoch());
        assertEquals(3, leader.seen("/epoch-settings").size());
    }

    @Test
    void tooManyRequestsIsRetried() throws Exception {
        leader.then("/certificate/" + CSD_11, status(429, ""));

        assertEquals(CSD_11, client.getCertificateDetails(CSD_11).hash());
        assertEquals(2, leader.seen("/certificate/" + CSD_11).size());
    }

    @Test
    void serverErrorsExhaustTheAttempts() {
        leader.always("/epoch-settings", status(500, "{\"label\": \"boom\",\n  \"message\": \"db down\"}"));

        LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, client::epochSettings);

        assertEquals(
                "GET " + leader.endpoint() + "/epoch-settings returned HTTP 500: "
                        + "{\"label\": \"boom\", \"message\": \"db down\"} (after 3 attempts)",
                e.getMessage());
        assertEquals(3, leader.seen("/epoch-settings").size());
    }

    @Test
    void clientErrorIsNotRetriedAndItsBodyIsCutToAnExcerpt() {
        String body = ("bad request\n\t" + "x".repeat(300));
        leader.always("/epoch-settings", status(400, body));

        LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, client::epochSettings);

        String expected = "GET " + leader.endpoint() + "/epoch-settings returned HTTP 400: "
                + ("bad request " + "x".repeat(300)).substring(0, 200) + "...";
        assertEquals(expected, e.getMessage());
        assertEquals(1, leader.seen("/epoch-settings").size());
    }

    @Test
    void garbageBodyNamesTheProblemAndIsNotRetried() {
        leader.always("/epoch-settings", status(200, "<html>maintenance</html>"));
        LeaderAggregatorException notJson = assertThrows(LeaderAggregatorException.class, client::epochSettings);
        assertTrue(
                notJson.getMessage()
                        .startsWith("GET " + leader.endpoint() + "/epoch-settings: malformed epoch settings: "
                                + "malformed JSON: "),
                notJson.getMessage());
        assertEquals(1, leader.seen("/epoch-settings").size());

        ObjectNode missing = (ObjectNode) Fixtures.json("epoch-settings.json");
        missing.remove("current_signers");
        leader.always("/epoch-settings", status(200, missing.toString()));
        LeaderAggregatorException noField = assertThrows(LeaderAggregatorException.class, client::epochSettings);
        assertEquals(
                "GET " + leader.endpoint() + "/epoch-settings: malformed epoch settings: "
                        + "epoch settings: missing field 'current_signers'",
                noField.getMessage());
        assertEquals(2, leader.seen("/epoch-settings").size());

        leader.always("/certificate/" + CSD_11, status(200, "{\"hash\": \"" + CSD_11 + "\"}"));
        LeaderAggregatorException certificate =
                assertThrows(LeaderAggregatorException.class, () -> client.getCertificateDetails(CSD_11));
        assertTrue(
                certificate
                        .getMessage()
                        .startsWith(
                                "GET " + leader.endpoint() + "/certificate/" + CSD_11 + ": malformed certificate: "),
                certificate.getMessage());
        assertTrue(certificate.getMessage().contains("previous_hash"), certificate.getMessage());
        assertEquals(1, leader.seen("/certificate/" + CSD_11).size());
    }

    @Test
    void bodyAboveTheLimitFailsPromptlyAndTheClientRecovers() throws Exception {
        var streamed = new FakeLeaderAggregator.Streamed(200, 50 * MIB, false);
        leader.always("/epoch-settings", streamed);
        try (LeaderAggregatorClient bounded = client(Duration.ofSeconds(20), QUICK, MIB)) {
            long start = System.nanoTime();
            LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, bounded::epochSettings);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(
                    "GET " + leader.endpoint() + "/epoch-settings: response body larger than the limit of 1 MiB",
                    e.getMessage());
            assertTrue(millis < 5000, "took " + millis + " ms");
            assertEquals(1, leader.seen("/epoch-settings").size()); // not retried
            // the client hung up: the handler could not write the 50 MB
            long written = streamed.written.get(10, TimeUnit.SECONDS);
            assertTrue(streamed.aborted, "the handler wrote everything: " + written);
            assertTrue(written < 50 * MIB, "written " + written);

            leader.reset();
            assertEquals(Epoch.of(18), bounded.epochSettings().epoch());
        }
    }

    @Test
    void declaredLengthAboveTheLimitFailsBeforeReading() throws Exception {
        var streamed = new FakeLeaderAggregator.Streamed(200, 50 * MIB, true);
        leader.always("/epoch-settings", streamed);
        try (LeaderAggregatorClient bounded = client(Duration.ofSeconds(20), QUICK, MIB)) {
            LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, bounded::epochSettings);

            assertEquals(
                    "GET " + leader.endpoint() + "/epoch-settings: response body larger than the limit of 1 MiB"
                            + " (Content-Length: " + 50 * MIB + ")",
                    e.getMessage());
            assertTrue(streamed.written.get(10, TimeUnit.SECONDS) < 50 * MIB);
        }
    }

    @Test
    void hugeErrorBodyIsReadForItsExcerptOnly() throws Exception {
        var streamed = new FakeLeaderAggregator.Streamed(400, 50 * MIB, false);
        leader.always("/epoch-settings", streamed);

        LeaderAggregatorException e = assertThrows(LeaderAggregatorException.class, client::epochSettings);

        assertEquals("GET " + leader.endpoint() + "/epoch-settings returned HTTP 400", e.getMessage());
        assertTrue(streamed.written.get(10, TimeUnit.SECONDS) < 50 * MIB);
        assertTrue(streamed.aborted);
    }

    @Test
    void concurrentCallsFromVirtualThreads() throws Exception {
        List<String> hashes = new ArrayList<>(Fixtures.certificates().keySet()).subList(0, 24);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Certificate>> results = new ArrayList<>();
            for (String hash : hashes) {
                results.add(threads.submit(() -> client.getCertificateDetails(hash)));
            }
            for (int i = 0; i < hashes.size(); i++) {
                assertEquals(
                        hashes.get(i), results.get(i).get(30, TimeUnit.SECONDS).hash());
            }
        }
    }

    // --- construction

    @Test
    void invalidEndpointIsRefusedAtConstruction() {
        for (String endpoint : List.of("ftp://leader.example/aggregator", "leader.example/aggregator", "http://")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new LeaderAggregatorClient(endpoint));
            assertTrue(e.getMessage().contains("'" + endpoint + "'"), e.getMessage());
        }
        IllegalArgumentException notUri = assertThrows(
                IllegalArgumentException.class, () -> new LeaderAggregatorClient("http://leader example/"));
        assertTrue(notUri.getMessage().contains("'http://leader example/' is not a URI"), notUri.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LeaderAggregatorClient(" "));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LeaderAggregatorClient("http://leader.example", Duration.ZERO, QUICK, MIB));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LeaderAggregatorClient("http://leader.example", Duration.ofSeconds(1), QUICK, 0));
    }

    @Test
    void retryPolicyBacksOffExponentiallyWithJitterUpToItsCap() {
        Random random = new Random(42);
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertEquals(3, policy.attempts());
        for (int i = 0; i < 200; i++) {
            assertBetween(125, 250, policy.backoff(1, random));
            assertBetween(250, 500, policy.backoff(2, random));
            assertBetween(500, 1000, policy.backoff(3, random));
            assertBetween(2000, 4000, policy.backoff(5, random));
            assertBetween(2000, 4000, policy.backoff(60, random));
        }
        assertEquals(Duration.ZERO, RetryPolicy.none().backoff(1, random));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO));
    }

    private static void assertBetween(long minMillis, long maxMillis, Duration d) {
        assertTrue(
                d.compareTo(Duration.ofMillis(minMillis)) >= 0 && d.compareTo(Duration.ofMillis(maxMillis)) <= 0,
                d + " not in [" + minMillis + ", " + maxMillis + "] ms");
    }

    // --- the bounded body, chunk by chunk

    @Test
    void boundedBodyStopsAtTheChunkThatCrossesTheLimit() {
        FakeSubscription subscription = new FakeSubscription();
        BoundedBodySubscriber body = BoundedBodySubscriber.failingAbove(10, OptionalLong.empty());
        body.onSubscribe(subscription);
        body.onNext(List.of(ByteBuffer.wrap(new byte[4])));
        body.onNext(List.of(ByteBuffer.wrap(new byte[4])));
        ByteBuffer crossing = ByteBuffer.wrap(new byte[4]);
        body.onNext(List.of(crossing));

        assertTrue(subscription.cancelled);
        assertEquals(3, subscription.requested); // one chunk at a time, none after the crossing one
        assertEquals(4, crossing.remaining()); // not copied
        var failure = assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> body.getBody().toCompletableFuture().get());
        assertEquals(
                "response body larger than the limit of 10 bytes",
                failure.getCause().getMessage());

        FakeSubscription prefix = new FakeSubscription();
        BoundedBodySubscriber excerpt = BoundedBodySubscriber.truncatedTo(6);
        excerpt.onSubscribe(prefix);
        excerpt.onNext(List.of(ByteBuffer.wrap("abcd".getBytes()), ByteBuffer.wrap("efgh".getBytes())));
        assertTrue(prefix.cancelled);
        BoundedBodySubscriber.Body text =
                excerpt.getBody().toCompletableFuture().join();
        assertEquals("abcdef", text.text());
        assertEquals(6, text.array().length);
    }

    static final class FakeSubscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public void request(long n) {
            requested += n;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertEquals(Duration.ofSeconds(30), LeaderAggregatorClient.DEFAULT_TIMEOUT);
        assertEquals(64 * MIB, LeaderAggregatorClient.DEFAULT_MAX_BODY_BYTES);
        assertEquals(Duration.ofMillis(250), RetryPolicy.DEFAULT.firstDelay());
        assertEquals(Duration.ofSeconds(4), RetryPolicy.DEFAULT.maxDelay());
    }
}
