/** JMH benchmarks (profile {@code jmh}): certificate-chain verification throughput, the follower's chain synchronisation; signer registration and signables. */
package io.mithrilj.aggregator.bench;
