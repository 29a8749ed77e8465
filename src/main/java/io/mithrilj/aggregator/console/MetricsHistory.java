package io.mithrilj.aggregator.console;

import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recent history of the guide's counters for the console's sparklines: each counter (summed over its labels) sampled
 * every 5 s, the last {@value #MAX_POINTS} samples kept in memory.
 */
@ApplicationScoped
public class MetricsHistory {
    static final int MAX_POINTS = 120;
    static final int WIDTH = 120;
    static final int HEIGHT = 24;

    private final AggregatorMetrics metrics;
    private final Map<MithrilMetric, Deque<Double>> samples = new EnumMap<>(MithrilMetric.class);

    MetricsHistory(AggregatorMetrics metrics) {
        this.metrics = metrics;
        for (MithrilMetric m : MithrilMetric.values()) samples.put(m, new ArrayDeque<>());
    }

    @Scheduled(every = "5s", identity = "console-metrics-history")
    synchronized void sample() {
        Map<MithrilMetric, Map<List<String>, Double>> now = metrics.snapshot();
        for (MithrilMetric m : MithrilMetric.values()) {
            Deque<Double> points = samples.get(m);
            points.addLast(total(now.get(m)));
            while (points.size() > MAX_POINTS) points.removeFirst();
        }
    }

    /** The samples of one counter, oldest first (at most {@value #MAX_POINTS}). */
    synchronized List<Double> of(MithrilMetric metric) {
        return new ArrayList<>(samples.get(metric));
    }

    static double total(Map<List<String>, Double> byLabels) {
        double sum = 0;
        if (byLabels != null) for (double v : byLabels.values()) sum += v;
        return sum;
    }

    /**
     * The {@code points} of an SVG polyline {@value #WIDTH}×{@value #HEIGHT} drawing the samples (the lowest at the
     * bottom, the highest at the top; a flat line at the bottom when they are all equal); empty without samples.
     */
    static String sparkline(List<Double> values) {
        if (values.isEmpty()) return "";
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        int n = values.size();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH : (double) i * WIDTH / (n - 1);
            double y = max == min ? HEIGHT : HEIGHT - (values.get(i) - min) / (max - min) * HEIGHT;
            if (i > 0) out.append(' ');
            out.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return out.toString();
    }
}
