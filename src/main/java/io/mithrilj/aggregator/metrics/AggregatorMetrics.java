package io.mithrilj.aggregator.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The aggregator's counters, exposed in Prometheus text format exactly as upstream's registry writes them:
 * {@code counter} type, no {@code _total} suffix added, every name present from start-up (labelled
 * counters start with their {@code NA} series at 0).
 */
@ApplicationScoped
public class AggregatorMetrics {

    /** Label value used when a header is absent or not accepted. */
    public static final String NOT_AVAILABLE = "NA";

    private final Map<MithrilMetric, Map<List<String>, DoubleAdder>> series = new EnumMap<>(MithrilMetric.class);

    public AggregatorMetrics() {
        for (MithrilMetric metric : MithrilMetric.values()) {
            Map<List<String>, DoubleAdder> byLabels = new ConcurrentSkipListMap<>(AggregatorMetrics::compareLabels);
            byLabels.put(metric.labelNames().stream().map(n -> NOT_AVAILABLE).toList(), new DoubleAdder());
            series.put(metric, byLabels);
        }
    }

    /** Add one to a counter; {@code labelValues} in the order of {@link MithrilMetric#labelNames()}. */
    public void increment(MithrilMetric metric, String... labelValues) {
        add(metric, 1, labelValues);
    }

    public void add(MithrilMetric metric, double amount, String... labelValues) {
        if (labelValues.length != metric.labelNames().size()) {
            throw new IllegalArgumentException(metric.metricName() + " takes labels " + metric.labelNames());
        }
        series.get(metric)
                .computeIfAbsent(List.of(labelValues), k -> new DoubleAdder())
                .add(amount);
    }

    /** Current value of one series (0 when never incremented). */
    public double value(MithrilMetric metric, String... labelValues) {
        DoubleAdder adder = series.get(metric).get(List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    /** Every series now: metric → label values (in the order of {@link MithrilMetric#labelNames()}) → value. */
    public Map<MithrilMetric, Map<List<String>, Double>> snapshot() {
        Map<MithrilMetric, Map<List<String>, Double>> out = new EnumMap<>(MithrilMetric.class);
        series.forEach((metric, byLabels) -> {
            Map<List<String>, Double> values = new java.util.LinkedHashMap<>();
            byLabels.forEach((labels, adder) -> values.put(labels, adder.sum()));
            out.put(metric, values);
        });
        return out;
    }

    /** Prometheus text exposition format 0.0.4. */
    public String scrape() {
        StringBuilder out = new StringBuilder(8192);
        for (MithrilMetric metric : MithrilMetric.values()) {
            out.append("# HELP ")
                    .append(metric.metricName())
                    .append(' ')
                    .append(metric.help())
                    .append('\n');
            out.append("# TYPE ").append(metric.metricName()).append(" counter\n");
            for (Map.Entry<List<String>, DoubleAdder> e : series.get(metric).entrySet()) {
                out.append(metric.metricName());
                List<String> names = metric.labelNames();
                if (!names.isEmpty()) {
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        pairs.add(names.get(i) + "=\"" + escape(e.getKey().get(i)) + "\"");
                    }
                    out.append('{').append(String.join(",", pairs)).append('}');
                }
                out.append(' ').append(format(e.getValue().sum())).append('\n');
            }
        }
        return out.toString();
    }

    private static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
