package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.protocol.json.ApiVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The three calls a mithril-signer makes to its aggregator (upstream {@code AggregatorHttpClient} with the
 * {@code GetEpochSettingsQuery}, {@code PostRegisterSignerQuery} and {@code PostRegisterSignatureQuery}), over the
 * JDK HTTP client: every request carries {@code mithril-api-version} and {@code signer-node-version}, as the
 * signer's client does (upstream signers send no {@code mithril-origin-tag}; a devnet may add one), and times out
 * after 30 s by default ({@code HTTP_REQUEST_TIMEOUT_DURATION}). Thread-safe.
 */
public final class AggregatorClient {
    /** The OpenAPI version of upstream 2603.1, sent in {@code mithril-api-version}. */

    /** The mithril-signer version of upstream 2603.1, sent in {@code signer-node-version}. */
    public static final String SIGNER_NODE_VERSION = "0.3.7";

    public static final String SIGNER_VERSION_HEADER = "signer-node-version";
    public static final String ORIGIN_TAG_HEADER = "mithril-origin-tag";

    /** Upstream's signer HTTP timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, String> headers;

    /** What {@code POST /register-signatures} answered (upstream treats all three as success). */
    public enum SignatureOutcome {
        /** 201: stored against the open message. */
        REGISTERED,
        /** 202: buffered until the open message exists. */
        BUFFERED,
        /** 410: the open message is already certified or expired. */
        GONE
    }

    /**
     * @param endpoint the aggregator's API root, e.g. {@code http://localhost:8080/aggregator} (a trailing slash
     *     is added, as upstream does, so that routes resolve under it)
     * @param originTag the {@code mithril-origin-tag} to send, or empty for none (what a real signer sends)
     */
    public AggregatorClient(URI endpoint, Duration timeout, Optional<String> originTag) {
        Objects.requireNonNull(endpoint, "endpoint");
        String text = endpoint.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        LinkedHashMap<String, String> h = new LinkedHashMap<>();
        h.put(ApiVersion.HEADER, ApiVersion.VERSION);
        h.put(SIGNER_VERSION_HEADER, SIGNER_NODE_VERSION);
        originTag.ifPresent(tag -> h.put(ORIGIN_TAG_HEADER, tag));
        this.headers = Map.copyOf(h);
    }

    public AggregatorClient(URI endpoint) {
        this(endpoint, DEFAULT_TIMEOUT, Optional.empty());
    }

    /** {@code GET epoch-settings}: the message text on 200. */
    public String epochSettings() {
        HttpResponse<String> response = send(request("epoch-settings").GET());
        if (response.statusCode() != 200) {
            throw failure(response);
        }
        return response.body();
    }

    /** {@code GET protocol-configuration/{epoch}}: the message text on 200, empty on 404. */
    public Optional<String> protocolConfiguration(long epoch) {
        HttpResponse<String> response = send(request("protocol-configuration/" + Long.toUnsignedString(epoch))
                .GET());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 404 -> Optional.empty();
            default -> throw failure(response);
        };
    }

    /**
     * {@code POST register-signer}; 201 is success.
     *
     * @throws AggregatorClientException.RegistrationRoundNotYetOpened on 550 (the signer retries later)
     */
    public void registerSigner(String registerSignerMessageJson) {
        HttpResponse<String> response = send(post("register-signer", registerSignerMessageJson));
        if (response.statusCode() != 201) {
            throw failure(response);
        }
    }

    /** {@code POST register-signatures}; 201, 202 and 410 are success, as upstream. */
    public SignatureOutcome registerSignature(String registerSignatureMessageJson) {
        HttpResponse<String> response = send(post("register-signatures", registerSignatureMessageJson));
        return switch (response.statusCode()) {
            case 201 -> SignatureOutcome.REGISTERED;
            case 202 -> SignatureOutcome.BUFFERED;
            case 410 -> SignatureOutcome.GONE;
            default -> throw failure(response);
        };
    }

    private HttpRequest.Builder request(String route) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(route)).timeout(timeout);
        headers.forEach(b::header);
        return b;
    }

    private HttpRequest.Builder post(String route, String json) {
        return request(route)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AggregatorClientException.Unreachable(
                    request.method() + " " + request.uri() + ": aggregator unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AggregatorClientException.Unreachable(
                    request.method() + " " + request.uri() + ": interrupted", e);
        }
    }

    private static AggregatorClientException failure(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri() + " answered "
                + response.statusCode() + ": " + response.body();
        return response.statusCode() == 550
                ? new AggregatorClientException.RegistrationRoundNotYetOpened(what)
                : new AggregatorClientException.UnhandledStatus(response.statusCode(), what);
    }

    @Override
    public String toString() {
        return "AggregatorClient[" + base + "]";
    }
}
