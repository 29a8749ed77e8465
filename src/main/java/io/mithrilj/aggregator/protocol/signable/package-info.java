/**
 * Signables (upstream {@code mithril-common::signable_builder} and the aggregator's signable seed
 * builder): the protocol message each signed entity type signs, computed from plain inputs the runtime
 * gathers (epoch service signers and parameters, stake store). {@link
 * io.mithrilj.aggregator.protocol.signable.SignableSeed} gives the three parts every message carries;
 * one class per signed entity type gives its own parts. Pure; no I/O.
 */
package io.mithrilj.aggregator.protocol.signable;
