/**
 * The aggregator's runtime (upstream {@code runtime/}): the state machine Idle → Ready → Signing, its error
 * triad, the scheduled cycle that drives it, and the lease that lets one replica among several run it.
 */
package io.mithrilj.aggregator.runtime;
