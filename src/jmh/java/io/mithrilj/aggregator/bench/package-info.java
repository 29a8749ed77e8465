/** JMH benchmarks (profile {@code jmh}): certificate-chain verification throughput. */
package io.mithrilj.aggregator.bench;
