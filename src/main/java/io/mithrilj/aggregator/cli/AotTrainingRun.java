package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The training run of the JVM's ahead-of-time cache (JDK 25, JEP 483/514/515): started by the build as
 * {@code java -XX:AOTCacheOutput=app.aot -Dmithril-cli.aot-training=true -jar quarkus-run.jar serve}, it
 * waits until the service is ready, reads the main routes of the API (and of the metrics server when it
 * runs) a few times, then stops the service, and the JVM writes the cache of the classes it loaded and
 * linked and of the methods it profiled. Production starts with {@code -XX:AOTCache=app.aot} load those
 * classes already linked instead of reading, verifying and linking them one by one.
 *
 * <p>Inactive (no thread, no request) unless {@value #PROPERTY} is {@code true}.
 */
// a singleton, not a client proxy: serve reads its exit code after the container has stopped
@Singleton
public class AotTrainingRun {

    public static final String PROPERTY = "mithril-cli.aot-training";

    private static final Logger LOG = Logger.getLogger(AotTrainingRun.class);

    private static final List<String> API_ROUTES = List.of(
            "/q/health/live",
            "/q/health/ready",
            "/aggregator",
            "/aggregator/status",
            "/aggregator/epoch-settings",
            "/aggregator/certificates",
            "/aggregator/certificate/genesis",
            "/aggregator/certificate/0000000000000000000000000000000000000000000000000000000000000000",
            "/aggregator/certificate/not-a-hash",
            "/aggregator/artifact/mithril-stake-distributions",
            "/aggregator/artifact/cardano-stake-distributions",
            "/aggregator/artifact/cardano-transactions",
            "/aggregator/artifact/cardano-database",
            "/aggregator/artifact/snapshots",
            "/aggregator/signers/registered/latest",
            "/aggregator/proof/cardano-transaction?transaction_hashes=0000000000000000000000000000000000000000000000000000000000000000");

    private static final int ROUNDS = 3;

    private volatile int exitCode;

    private final AggregatorConfig config;

    AotTrainingRun(AggregatorConfig config) {
        this.config = config;
    }

    /** 0, or 1 when the training run could not exercise the service (the build then fails). */
    int exitCode() {
        return exitCode;
    }

    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (!Boolean.getBoolean(PROPERTY)) return;
        Thread.ofVirtual().name("aot-training").start(this::train);
    }

    private void train() {
        try {
            int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
            String base = "http://127.0.0.1:" + port;
            try (HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()) {
                awaitReady(client, base + "/q/health/ready");
                String metricsUrl = config.enableMetricsServer()
                        ? "http://127.0.0.1:" + config.metricsServerPort() + "/metrics"
                        : null;
                int requests = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    for (String route : API_ROUTES) {
                        get(client, base + route);
                        requests++;
                    }
                    if (metricsUrl != null) {
                        get(client, metricsUrl);
                        requests++;
                    }
                }
                LOG.infof("AOT training run: %d requests answered, stopping", requests);
            }
        } catch (Exception e) {
            LOG.errorf("AOT training run failed: %s", e.toString());
            exitCode = 1;
        }
        Quarkus.asyncExit(exitCode);
    }

    private static void awaitReady(HttpClient client, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                if (get(client, url) == 200) return;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) throw new IllegalStateException("service not ready after 60 s");
            Thread.sleep(50);
        }
    }

    private static int get(HttpClient client, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
