/**
 * The epoch service (upstream {@code services/epoch_service.rs}): which epoch the aggregator is at, and what
 * it serves for it (current and next signers, protocol parameters, status). Today a port with an
 * implementation read from the stores; the runtime brings the epoch transitions.
 */
package io.mithrilj.aggregator.epoch;
