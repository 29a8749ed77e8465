/** JMH benchmarks (profile {@code jmh}): certificate-chain verification throughput; signer registration and signables. */
package io.mithrilj.aggregator.bench;
