package io.mithrilj.aggregator.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ProcessRole;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.persistence.EventRepository;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Upstream's {@code UsageReporter}: every PERSIST_USAGE_REPORT_INTERVAL_IN_SECONDS, one event per metric series whose
 * value changed since the last report (source {@code Metrics}, action the metric name, content {@code {name, value
 * (the change), period (seconds), origin, client_type, date}}) into the event store. Its own job on every replica
 * that serves (each counts its own requests).
 */
@ApplicationScoped
public class UsageReporter {
    private static final Logger LOG = Logger.getLogger(UsageReporter.class);
    static final String JOB = "usage-report";

    private final ProcessRole role;
    private final AggregatorConfig config;
    private final Scheduler scheduler;
    private final AggregatorMetrics metrics;
    private final EventRepository events;
    private final Map<MithrilMetric, Map<List<String>, Double>> reported = new HashMap<>();

    UsageReporter(
            ProcessRole role,
            AggregatorConfig config,
            Scheduler scheduler,
            AggregatorMetrics metrics,
            EventRepository events) {
        this.role = role;
        this.config = config;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.events = events;
    }

    void start(@Observes StartupEvent event) {
        if (!role.serves()) return;
        scheduler
                .newJob(JOB)
                .setInterval("PT" + Math.max(1, config.persistUsageReportIntervalInSeconds()) + "S")
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> report())
                .schedule();
    }

    /** One report: the changes since the previous one; returns how many events were stored. */
    synchronized int report() {
        Instant now = Instant.now();
        List<EventRepository.Event> batch = new ArrayList<>();
        Map<MithrilMetric, Map<List<String>, Double>> current = metrics.snapshot();
        current.forEach((metric, series) -> series.forEach((labels, value) -> {
            double before = reported.getOrDefault(metric, Map.of()).getOrDefault(labels, 0.0);
            if (value == before) return;
            ObjectNode content = MessageJson.MAPPER.createObjectNode();
            content.put("name", metric.metricName());
            content.put("value", (long) (value - before));
            content.put("period", config.persistUsageReportIntervalInSeconds());
            List<String> names = metric.labelNames();
            content.put("origin", names.contains("origin_tag") ? labels.get(names.indexOf("origin_tag")) : "");
            content.put("client_type", names.contains("client_type") ? labels.get(names.indexOf("client_type")) : "");
            content.put("date", Rfc3339.format(now));
            batch.add(new EventRepository.Event(
                    Rfc3339.format(now), "Metrics", metric.metricName(), MessageJson.write(content)));
        }));
        if (batch.isEmpty()) return 0;
        try {
            events.saveAll(batch).await().atMost(Duration.ofSeconds(30));
            current.forEach((metric, series) -> reported.put(metric, new HashMap<>(series)));
            return batch.size();
        } catch (RuntimeException e) {
            LOG.warnf("usage report not stored (kept for the next one): %s", e.getMessage());
            return 0;
        }
    }
}
