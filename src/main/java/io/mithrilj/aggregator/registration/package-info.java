/**
 * Signer registration (upstream {@code services::signer_registration}): decoding a registration
 * ({@link io.mithrilj.aggregator.registration.SignerRegistration}), verifying it against the chain's KES period
 * and the round's stake distribution ({@link io.mithrilj.aggregator.registration.SignerRegistrationVerifier})
 * within the round the runtime opens ({@link io.mithrilj.aggregator.registration.SignerRegistrationLeader}),
 * every refusal a {@link io.mithrilj.aggregator.registration.SignerRegistrationException}; and the API's entry
 * point for registrations and single signatures as they arrive
 * ({@link io.mithrilj.aggregator.registration.RegistrationService} for a leader, {@link
 * io.mithrilj.aggregator.registration.FollowerSignerRegistration} for a follower).
 */
package io.mithrilj.aggregator.registration;
