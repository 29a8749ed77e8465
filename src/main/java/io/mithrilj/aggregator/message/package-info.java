/**
 * Upstream's JSON messages as text: compaction that keeps key order and number spelling, list-item
 * projections derived from stored detail messages, and the signed entity kinds with their ids and list
 * shapes. Pure functions, no I/O.
 */
package io.mithrilj.aggregator.message;
