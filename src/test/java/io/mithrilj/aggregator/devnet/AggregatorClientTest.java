package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signer's HTTP client against a tiny recording server on a free port. */
class AggregatorClientTest {
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {}

    /** What the server answers per route: status and body. */
    private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/aggregator/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(
                    new Recorded(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            Map.Entry<Integer, String> answer = answers.getOrDefault(path, Map.entry(404, "not here"));
            byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.getKey(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/aggregator");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void getsEpochSettingsWithTheHeadersOfASigner() {
        answers.put("/aggregator/epoch-settings", Map.entry(200, "{\"epoch\":3}"));
        AggregatorClient client = new AggregatorClient(endpoint);

        assertThat(client.epochSettings()).isEqualTo("{\"epoch\":3}");
        Recorded r = requests.getFirst();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/aggregator/epoch-settings");
        assertThat(r.headers()).containsEntry("Mithril-api-version", List.of("0.1.57"));
        assertThat(r.headers()).containsEntry("Signer-node-version", List.of("0.3.7"));
        assertThat(r.headers()).doesNotContainKey("Mithril-origin-tag");
    }

    @Test
    void postsRegistrationsAndSignaturesAsJsonAndMapsTheStatuses() {
        answers.put("/aggregator/register-signer", Map.entry(201, ""));
        answers.put("/aggregator/register-signatures", Map.entry(202, ""));
        AggregatorClient client =
                new AggregatorClient(URI.create(endpoint + "/"), Duration.ofSeconds(5), Optional.of("DEVNET"));

        client.registerSigner("{\"epoch\":4}");
        assertThat(client.registerSignature("{\"party_id\":\"p\"}"))
                .isEqualTo(AggregatorClient.SignatureOutcome.BUFFERED);
        answers.put("/aggregator/register-signatures", Map.entry(201, ""));
        assertThat(client.registerSignature("{}")).isEqualTo(AggregatorClient.SignatureOutcome.REGISTERED);
        answers.put("/aggregator/register-signatures", Map.entry(410, "{\"label\":\"expired\"}"));
        assertThat(client.registerSignature("{}")).isEqualTo(AggregatorClient.SignatureOutcome.GONE);

        Recorded registration = requests.getFirst();
        assertThat(registration.method()).isEqualTo("POST");
        assertThat(registration.path()).isEqualTo("/aggregator/register-signer");
        assertThat(registration.body()).isEqualTo("{\"epoch\":4}");
        assertThat(registration.headers()).containsEntry("Content-type", List.of("application/json"));
        assertThat(registration.headers()).containsEntry("Mithril-origin-tag", List.of("DEVNET"));
        assertThat(requests.get(1).body()).isEqualTo("{\"party_id\":\"p\"}");
    }

    @Test
    void errorsNameTheUrlTheStatusAndTheBody() {
        answers.put("/aggregator/register-signer", Map.entry(550, "{\"message\":\"round not opened\"}"));
        answers.put(
                "/aggregator/register-signatures",
                Map.entry(400, "{\"label\":\"Could not decode signature payload\"}"));
        AggregatorClient client = new AggregatorClient(endpoint);

        assertThatThrownBy(() -> client.registerSigner("{}"))
                .isInstanceOf(AggregatorClientException.RegistrationRoundNotYetOpened.class)
                .hasMessageContaining("POST " + endpoint + "/register-signer answered 550")
                .hasMessageContaining("round not opened");
        assertThatThrownBy(() -> client.registerSignature("{}"))
                .isInstanceOfSatisfying(
                        AggregatorClientException.UnhandledStatus.class,
                        e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("/register-signatures answered 400")
                .hasMessageContaining("Could not decode signature payload");
        assertThatThrownBy(client::epochSettings)
                .isInstanceOf(AggregatorClientException.UnhandledStatus.class)
                .hasMessageContaining("GET " + endpoint + "/epoch-settings answered 404: not here");
        assertThat(client.protocolConfiguration(7)).isEmpty();
        answers.put("/aggregator/protocol-configuration/7", Map.entry(200, "{\"k\":1}"));
        assertThat(client.protocolConfiguration(7)).contains("{\"k\":1}");
    }

    @Test
    void anUnreachableAggregatorIsNamed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port + "/aggregator");
        AggregatorClient client = new AggregatorClient(nowhere, Duration.ofSeconds(2), Optional.empty());
        assertThatThrownBy(client::epochSettings)
                .isInstanceOf(AggregatorClientException.Unreachable.class)
                .hasMessageContaining("GET " + nowhere + "/epoch-settings: aggregator unreachable");
    }
}
