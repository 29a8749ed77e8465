package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.persistence.EventRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Usage reports: one event per metric series that changed since the last report, with the change. */
@QuarkusTest
class UsageReporterTest {
    static final Duration T = Duration.ofSeconds(30);

    @Inject
    UsageReporter reporter;

    @Inject
    AggregatorMetrics metrics;

    @Inject
    EventRepository events;

    @Inject
    Pool pool;

    @Test
    void reportsTheChangeOfEachSeriesOnce() {
        reporter.report(); // whatever other tests counted
        long before = events.count("Metrics").await().atMost(T);
        metrics.increment(MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED, "USAGE-TEST", "CLI");
        metrics.add(MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED, 3, "USAGE-TEST", "CLI");
        assertThat(reporter.report()).isEqualTo(2);
        assertThat(events.count("Metrics").await().atMost(T)).isEqualTo(before + 2);
        String content = pool.preparedQuery(
                        "select content from event where action = $1 order by event_id desc limit 1")
                .execute(Tuple.of(MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED.metricName()))
                .await()
                .atMost(T)
                .iterator()
                .next()
                .getString(0);
        assertThat(content)
                .contains("\"name\":\"" + MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED.metricName() + "\"")
                .contains("\"value\":3")
                .contains("\"origin\":\"USAGE-TEST\"")
                .contains("\"client_type\":\"CLI\"");
        assertThat(reporter.report()).as("nothing changed since").isZero();
    }
}
