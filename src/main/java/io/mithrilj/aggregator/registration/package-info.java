/**
 * Leader signer registration (upstream {@code services::signer_registration}): decoding a registration
 * ({@link io.mithrilj.aggregator.registration.SignerRegistration}) and verifying it against the chain's
 * KES period and the round's stake distribution ({@link
 * io.mithrilj.aggregator.registration.SignerRegistrationVerifier}), within the round the runtime opens
 * ({@link io.mithrilj.aggregator.registration.SignerRegistrationLeader}); every refusal is a {@link
 * io.mithrilj.aggregator.registration.SignerRegistrationException}. Pure: uses {@code protocol} and
 * {@code crypto} only; the runtime owns stores and the chain observer.
 */
package io.mithrilj.aggregator.registration;
