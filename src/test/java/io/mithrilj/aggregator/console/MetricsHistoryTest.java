package io.mithrilj.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {

    @Test
    void keepsTheLastSamplesOfEachCounterSummedOverItsLabels() {
        AggregatorMetrics metrics = new AggregatorMetrics();
        MetricsHistory history = new MetricsHistory(metrics);
        MithrilMetric labelled = MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED;
        for (int i = 0; i < MetricsHistory.MAX_POINTS + 10; i++) {
            metrics.increment(labelled, "CLI", "CLI");
            metrics.increment(labelled, "NA", "NA");
            history.sample();
        }
        List<Double> samples = history.of(labelled);
        assertThat(samples).hasSize(MetricsHistory.MAX_POINTS);
        assertThat(samples.getFirst()).isEqualTo(22.0); // the 11th sample: the first ten went
        assertThat(samples.getLast()).isEqualTo(2.0 * (MetricsHistory.MAX_POINTS + 10));
        assertThat(history.of(MithrilMetric.CERTIFICATE_TOTAL_PRODUCED)).containsOnly(0.0);
    }

    @Test
    void sparklineSpansTheBoxFromTheLowestToTheHighestSample() {
        assertThat(MetricsHistory.sparkline(List.of())).isEmpty();
        assertThat(MetricsHistory.sparkline(List.of(1.0, 3.0, 2.0))).isEqualTo("0.0,24.0 60.0,0.0 120.0,12.0");
        assertThat(MetricsHistory.sparkline(List.of(5.0, 5.0))).isEqualTo("0.0,24.0 120.0,24.0");
        assertThat(MetricsHistory.sparkline(List.of(7.0))).isEqualTo("120.0,24.0");
    }
}
