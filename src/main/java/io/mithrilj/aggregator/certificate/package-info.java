/**
 * Certificate-chain verification and genesis certificates (upstream 2603.1
 * {@code mithril-common::certificate_chain}): the per-certificate checks in upstream order, the chaining
 * rules, the walk to the genesis with a visited set, an iteration cap and a bounded cache of verified
 * certificates, one typed error per upstream error ({@link io.mithrilj.aggregator.certificate.CertificateVerifierException}),
 * the {@link io.mithrilj.aggregator.certificate.CertificateRetriever} abstraction (implemented by the
 * store and by HTTP clients of a leader), the plug-in points for the STM multi-signature and the
 * Ed25519 genesis signature checks, and genesis protocol message / payload / certificate construction.
 */
package io.mithrilj.aggregator.certificate;
