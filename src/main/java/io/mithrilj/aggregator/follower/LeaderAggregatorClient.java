package io.mithrilj.aggregator.follower;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.json.ApiVersion;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateListItemMessage;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * The leader aggregator over its REST API (upstream {@code AggregatorHttpClient} as the follower's {@code
 * LeaderAggregatorClient} and {@code RemoteCertificateRetriever}), on the JDK HTTP client.
 *
 * <p>Every request carries {@code mithril-api-version} and {@code Accept: application/json}, and has a deadline that
 * covers the connection, the headers and the whole body. Transport errors, timeouts, HTTP 5xx and 429 are retried
 * with exponential backoff and jitter ({@link RetryPolicy}); other statuses and malformed bodies are not. A body is
 * never held beyond {@code maxBodyBytes}: the exchange is dropped as soon as more arrives. Every failure is a {@link
 * LeaderAggregatorException} on one line naming the method, the URL and what was wrong. Thread-safe.
 */
public final class LeaderAggregatorClient implements LeaderAggregator, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LeaderAggregatorClient.class);

    /** Upstream's aggregator client timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** A mainnet {@code /epoch-settings} with 3000 next signers is about 18 MB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    /** Java arrays hold at most about 2^31 bytes. */
    public static final long MAX_BODY_BYTES_CEILING = Integer.MAX_VALUE - 8;

    /** Of an error answer, only this much is read: enough for its excerpt. */
    static final int ERROR_BODY_PREFIX_BYTES = 4096;

    static final int EXCERPT_CHARS = 200;

    private static final RandomGenerator JITTER = new SecureRandom();

    /**
     * How often, and after which pauses, a request is tried again.
     *
     * @param attempts how many times a request is sent at most (1: never retried)
     * @param firstDelay the pause before the first retry, doubled before each next one
     * @param maxDelay the cap of the pause
     */
    public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
        // before DEFAULT, which the constructor checks against it
        private static final Duration LONGEST_DELAY = Duration.ofHours(1);

        /** 3 attempts, 250 ms then 500 ms (jittered). */
        public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(4));

        public RetryPolicy {
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (attempts < 1) {
                throw new IllegalArgumentException("retry attempts must be at least 1, got " + attempts);
            }
            if (firstDelay.isNegative() || maxDelay.isNegative()) {
                throw new IllegalArgumentException(
                        "retry delays must not be negative, got " + firstDelay + " and " + maxDelay);
            }
            if (maxDelay.compareTo(firstDelay) < 0 || maxDelay.compareTo(LONGEST_DELAY) > 0) {
                throw new IllegalArgumentException("retry maxDelay must be between firstDelay (" + firstDelay + ") and "
                        + LONGEST_DELAY + ", got " + maxDelay);
            }
        }

        /** One attempt, no retry. */
        public static RetryPolicy none() {
            return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
        }

        /**
         * The pause before retry number {@code retry} (1 before the second attempt): {@code firstDelay} doubled at
         * each retry and capped at {@code maxDelay}, then drawn in its upper half, so that followers failing
         * together do not retry in step.
         */
        public Duration backoff(int retry, RandomGenerator random) {
            long cap = maxDelay.toNanos();
            long base = Math.min(firstDelay.toNanos(), cap);
            for (int i = 1; i < retry && base < cap; i++) {
                base = base > cap / 2 ? cap : base * 2;
            }
            long half = base / 2;
            return Duration.ofNanos(base - half + (half == 0 ? 0 : random.nextLong(half + 1)));
        }
    }

    private final String endpoint;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final int maxBodyBytes;
    private final HttpClient http;

    /** {@link #DEFAULT_TIMEOUT}, {@link RetryPolicy#DEFAULT}, {@link #DEFAULT_MAX_BODY_BYTES}. */
    public LeaderAggregatorClient(String endpoint) {
        this(endpoint, DEFAULT_TIMEOUT, RetryPolicy.DEFAULT, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param endpoint the API root, e.g. {@code https://aggregator.example/aggregator} (trailing slashes ignored)
     * @param timeout the deadline of one attempt: connection, headers and body
     * @param retry when and how often a failed request is sent again
     * @param maxBodyBytes the largest body read; a larger one fails the request
     * @throws IllegalArgumentException naming the endpoint when it is not an http or https URL, or naming the
     *     parameter that is out of range
     */
    public LeaderAggregatorClient(String endpoint, Duration timeout, RetryPolicy retry, long maxBodyBytes) {
        this.endpoint = normalise(endpoint);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.retry = Objects.requireNonNull(retry, "retry");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
            throw new IllegalArgumentException(
                    "maxBodyBytes must be between 1 and " + MAX_BODY_BYTES_CEILING + ", got " + maxBodyBytes);
        }
        this.maxBodyBytes = (int) maxBodyBytes;
        this.http = HttpClient.newBuilder()
                // HTTP/2 where TLS negotiates it; no h2c upgrade header on plain http (as upstream's reqwest)
                .version(
                        this.endpoint.regionMatches(true, 0, "https:", 0, 6)
                                ? HttpClient.Version.HTTP_2
                                : HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public EpochSettingsMessage epochSettings() throws LeaderAggregatorException {
        Answer answer = fetch("epoch-settings");
        return answer.expectOk().read("epoch settings", EpochSettingsMessage::parse);
    }

    @Override
    public Optional<Certificate> latestCertificate() throws LeaderAggregatorException {
        List<CertificateListItemMessage> list =
                fetch("certificates").expectOk().read("certificate list", CertificateJson::readList);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        // as upstream: a listed certificate gone meanwhile (404) means no latest one
        return certificate(list.getFirst().hash());
    }

    @Override
    public Optional<Certificate> genesisCertificate() throws LeaderAggregatorException {
        return certificate("genesis");
    }

    @Override
    public Certificate getCertificateDetails(String hash) throws LeaderAggregatorException {
        return getCertificateDetails(hash, CertificateJson.defaultCanonicalizer());
    }

    @Override
    public Certificate getCertificateDetails(String hash, CryptoCanonicalizer canonicalizer)
            throws LeaderAggregatorException {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(canonicalizer, "canonicalizer");
        return certificate(hash, canonicalizer)
                .orElseThrow(() -> new LeaderAggregatorException(
                        // upstream's text, as CertificateRetrieverException.notFound has it
                        "Certificate does not exist: '" + hash + "'"));
    }

    @Override
    public Optional<String> protocolConfiguration(long epoch) throws LeaderAggregatorException {
        Answer answer = fetch("protocol-configuration/" + Long.toUnsignedString(epoch));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(answer.expectOk().read("protocol configuration", text -> {
            JsonNode node = CertificateJson.parse(text);
            if (!node.isObject()) {
                throw new MessageFormatException("protocol configuration: expected a JSON object");
            }
            return text;
        }));
    }

    /** Drops the connections; requests in flight fail. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    @Override
    public String toString() {
        return "LeaderAggregatorClient[" + endpoint + "]";
    }

    private Optional<Certificate> certificate(String hash) throws LeaderAggregatorException {
        return certificate(hash, CertificateJson.defaultCanonicalizer());
    }

    private Optional<Certificate> certificate(String hash, CryptoCanonicalizer canonicalizer)
            throws LeaderAggregatorException {
        Answer answer = fetch("certificate/" + pathSegment(hash));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(answer.expectOk()
                .read(
                        "certificate",
                        text -> CertificateJson.readCertificateMessage(text).toCertificate(canonicalizer)));
    }

    /** What the leader answered, after the retries: a status that is not retried, and its body (or a prefix). */
    private record Answer(String request, int status, String body, int attempts) {

        Answer expectOk() throws LeaderAggregatorException {
            if (status != 200) {
                throw new LeaderAggregatorException(
                        request + " returned " + statusLine(status, body) + after(attempts));
            }
            return this;
        }

        <T> T read(String message, Function<String, T> reader) throws LeaderAggregatorException {
            try {
                return reader.apply(body);
            } catch (RuntimeException e) {
                String why = e instanceof MessageFormatException ? e.getMessage() : describe(e);
                throw new LeaderAggregatorException(
                        request + ": malformed " + message + ": " + oneLine(why) + after(attempts), e);
            }
        }
    }

    /** An attempt that failed before a final answer; retried when {@code retryable}. */
    private static final class AttemptFailure extends Exception {
        final boolean retryable;

        AttemptFailure(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }
    }

    private Answer fetch(String route) throws LeaderAggregatorException {
        URI uri = URI.create(endpoint + "/" + route);
        String request = "GET " + uri;
        for (int attempt = 1; ; attempt++) {
            String failure;
            Throwable cause;
            try {
                Answer answer = exchange(uri, request, attempt);
                if (!retryable(answer.status())) {
                    return answer;
                }
                failure = request + " returned " + statusLine(answer.status(), answer.body());
                cause = null;
            } catch (AttemptFailure f) {
                if (!f.retryable) {
                    throw new LeaderAggregatorException(f.getMessage() + after(attempt), f.getCause());
                }
                failure = f.getMessage();
                cause = f.getCause();
            }
            if (attempt >= retry.attempts()) {
                throw new LeaderAggregatorException(failure + after(attempt), cause);
            }
            Duration pause = retry.backoff(attempt, JITTER);
            LOG.debugf(
                    "%s; retrying in %d ms (attempt %d of %d)",
                    failure, pause.toMillis(), attempt + 1, retry.attempts());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LeaderAggregatorException(request + " interrupted while waiting to retry: " + failure, e);
            }
        }
    }

    private Answer exchange(URI uri, String request, int attempt) throws AttemptFailure {
        HttpRequest httpRequest = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header(ApiVersion.HEADER, ApiVersion.VERSION)
                .header("Accept", "application/json")
                .GET()
                .build();
        // the request timeout of the JDK stops at the headers: the deadline here covers the body too
        CompletableFuture<HttpResponse<BoundedBodySubscriber.Body>> future =
                http.sendAsync(httpRequest, this::subscriber);
        try {
            HttpResponse<BoundedBodySubscriber.Body> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(request, response.statusCode(), response.body().text(), attempt);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AttemptFailure(request + " timed out after " + duration(timeout), e, true);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new AttemptFailure(request + " interrupted", e, false);
        } catch (CancellationException e) {
            throw new AttemptFailure(request + " cancelled (client closed)", e, false);
        } catch (ExecutionException e) {
            throw failure(uri, request, e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<BoundedBodySubscriber.Body> subscriber(HttpResponse.ResponseInfo info) {
        return info.statusCode() == 200
                ? BoundedBodySubscriber.failingAbove(
                        maxBodyBytes, info.headers().firstValueAsLong("Content-Length"))
                : BoundedBodySubscriber.truncatedTo(ERROR_BODY_PREFIX_BYTES);
    }

    private AttemptFailure failure(URI uri, String request, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BoundedBodySubscriber.TooLarge tooLarge) {
                return new AttemptFailure(request + ": " + tooLarge.getMessage(), tooLarge, false);
            }
        }
        if (error instanceof HttpTimeoutException) {
            return new AttemptFailure(request + " timed out after " + duration(timeout), error, true);
        }
        if (error instanceof ConnectException) {
            // the JDK's ConnectException often has no message, only a bare ClosedChannelException as its cause
            Throwable root = error;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String what = root instanceof UnresolvedAddressException
                    ? "unknown host " + uri.getHost()
                    : "can not connect to " + uri.getHost() + ":" + port(uri);
            return new AttemptFailure(request + " failed: " + what + ": " + describe(error), error, true);
        }
        if (error instanceof IOException) {
            return new AttemptFailure(request + " failed: " + describe(error), error, true);
        }
        return new AttemptFailure(request + " failed: " + describe(error), error, false);
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 429;
    }

    private static String after(int attempts) {
        return attempts > 1 ? " (after " + attempts + " attempts)" : "";
    }

    /** {@code HTTP 500: <excerpt>}: at most {@link #EXCERPT_CHARS} characters of the body, on one line. */
    static String statusLine(int status, String body) {
        String excerpt = oneLine(body);
        if (excerpt.length() > EXCERPT_CHARS) {
            excerpt = excerpt.substring(0, EXCERPT_CHARS) + "...";
        }
        return "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** The exception's class and the first message found down its causes (the JDK often wraps a bare one). */
    private static String describe(Throwable e) {
        String message = null;
        Throwable root = e;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            root = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        String name = e.getClass().getSimpleName();
        if (message == null) {
            return root == e ? name : name + " (" + root.getClass().getSimpleName() + ")";
        }
        return name + " (" + oneLine(message) + ")";
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String duration(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The API root without trailing slashes, checked to be an absolute http(s) URL with a host. */
    private static String normalise(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("aggregator endpoint is empty");
        }
        String e = endpoint.strip();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(e);
        } catch (URISyntaxException x) {
            throw new IllegalArgumentException(
                    "aggregator endpoint '" + endpoint + "' is not a URI: " + x.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("aggregator endpoint '" + endpoint + "' is not an http or https URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("aggregator endpoint '" + endpoint + "' has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "aggregator endpoint '" + endpoint + "' must not have a query or a fragment");
        }
        return e;
    }
}
