/**
 * Leader signer registration (upstream {@code services::signer_registration}): decoding a registration
 * ({@link io.mithrilj.aggregator.registration.SignerRegistration}) and verifying it against the chain's
 * KES period and the round's stake distribution ({@link
 * io.mithrilj.aggregator.registration.SignerRegistrationVerifier}). Pure: uses {@code protocol} and
 * {@code crypto} only; the runtime owns rounds, stores and the chain observer.
 */
package io.mithrilj.aggregator.registration;
