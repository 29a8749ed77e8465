package io.mithrilj.aggregator.metrics;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ProcessRole;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Upstream's metrics server: {@code GET http://METRICS_SERVER_IP:METRICS_SERVER_PORT/metrics}, started by
 * {@code serve} only when {@code ENABLE_METRICS_SERVER} is true. Our 25 counters come first, then the
 * JVM and HTTP meters of Micrometer. Unlike upstream (which logs a warning and then exits 0), a bind
 * failure stops the service with exit code 1.
 */
@Singleton
public class MetricsServer {

    private static final Logger LOG = Logger.getLogger(MetricsServer.class);

    private final AggregatorConfig config;
    private final AggregatorMetrics metrics;
    private final Instance<PrometheusMeterRegistry> micrometer;
    private final Vertx vertx;
    private final ProcessRole role;
    private HttpServer server;

    MetricsServer(
            AggregatorConfig config,
            AggregatorMetrics metrics,
            Instance<PrometheusMeterRegistry> micrometer,
            Vertx vertx,
            ProcessRole role) {
        this.role = role;
        this.config = config;
        this.metrics = metrics;
        this.micrometer = micrometer;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!role.serves() || !config.enableMetricsServer()) return;
        server = vertx.createHttpServer().requestHandler(request -> {
            if (!request.path().equals("/metrics")) {
                request.response().setStatusCode(404).end();
                return;
            }
            try {
                String body = metrics.scrape()
                        + (micrometer.isResolvable() ? micrometer.get().scrape() : "");
                request.response()
                        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(body);
            } catch (RuntimeException e) {
                request.response().setStatusCode(500).end("Error: " + e.getMessage());
            }
        });
        try {
            server.listen(config.metricsServerPort(), config.metricsServerIp())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            LOG.infof(
                    "Metrics server listening on http://%s:%d/metrics",
                    config.metricsServerIp(), config.metricsServerPort());
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.errorf(
                    "Metrics server cannot listen on %s:%d: %s",
                    config.metricsServerIp(), config.metricsServerPort(), cause.getMessage());
            Quarkus.asyncExit(1);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (server != null) server.close();
    }
}
