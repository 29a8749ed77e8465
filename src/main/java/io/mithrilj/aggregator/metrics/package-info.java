/**
 * The 25 counters of upstream's operator guide, under their exact names, and upstream's metrics server
 * ({@code METRICS_SERVER_IP:METRICS_SERVER_PORT/metrics}).
 */
package io.mithrilj.aggregator.metrics;
