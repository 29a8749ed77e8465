package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.certificate.CertificateRetriever;
import io.mithrilj.aggregator.certificate.CertificateRetrieverException;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.json.ApiVersion;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateListItemMessage;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Reads certificates from an aggregator's REST API ({@code GET /certificates},
 * {@code GET /certificate/{hash}}) with the JDK HTTP client. Every failure (HTTP status, timeout,
 * transport, malformed JSON) becomes a {@link CertificateRetrieverException} with a one-line message.
 */
public final class AggregatorCertificateClient implements CertificateRetriever {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String endpoint;
    private final Duration timeout;
    private final HttpClient http;

    public AggregatorCertificateClient(String endpoint, Duration timeout) {
        String e = endpoint.strip();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        this.endpoint = e;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public String endpoint() {
        return endpoint;
    }

    /** {@code GET /certificates}: at most 20 items, most recent first. */
    public List<CertificateListItemMessage> listCertificates() throws CertificateRetrieverException {
        String url = endpoint + "/certificates";
        String body = get(url, null);
        try {
            return CertificateJson.readList(body);
        } catch (MessageFormatException e) {
            throw new CertificateRetrieverException(
                    "malformed certificate list from " + url + ": " + e.getMessage(), e);
        }
    }

    /** The hash of the first (latest) item of {@code GET /certificates}. */
    public String latestCertificateHash() throws CertificateRetrieverException {
        List<CertificateListItemMessage> items = listCertificates();
        if (items.isEmpty()) {
            throw new CertificateRetrieverException("the aggregator at " + endpoint + " has no certificate yet");
        }
        return items.getFirst().hash();
    }

    @Override
    public Certificate getCertificateDetails(String hash) throws CertificateRetrieverException {
        String url = endpoint + "/certificate/" + URLEncoder.encode(hash, StandardCharsets.UTF_8);
        String body = get(url, hash);
        try {
            return CertificateJson.readCertificate(body);
        } catch (MessageFormatException e) {
            throw new CertificateRetrieverException("malformed certificate from " + url + ": " + e.getMessage(), e);
        }
    }

    private String get(String url, String hash) throws CertificateRetrieverException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .header(ApiVersion.HEADER, ApiVersion.VERSION)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CertificateRetrieverException("invalid URL " + url + ": " + e.getMessage(), e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new CertificateRetrieverException("GET " + url + " timed out after " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new CertificateRetrieverException("GET " + url + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateRetrieverException("GET " + url + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 404 && hash != null) {
            throw CertificateRetrieverException.notFound(hash);
        }
        if (status < 200 || status > 299) {
            String body = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
            if (body.length() > 200) {
                body = body.substring(0, 200) + "...";
            }
            throw new CertificateRetrieverException(
                    "GET " + url + " returned HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        }
        return response.body();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " (" + m + ")");
    }
}
