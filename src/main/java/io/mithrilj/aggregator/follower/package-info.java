/**
 * The follower role (LEADER_AGGREGATOR_ENDPOINT set): the client of the leader aggregator, the mirror of its signer
 * registrations and of its certificate chain, and the state of that synchronisation (readiness, metrics, console).
 * Upstream: {@code services/aggregator_client.rs}, {@code services/signer_registration/follower.rs},
 * {@code services/certificate_chain_synchronizer}.
 */
package io.mithrilj.aggregator.follower;
