/**
 * Immutable domain values of the Mithril certificate (upstream 2603.1 {@code mithril-common::entities}):
 * epochs, protocol parameters, signed entity types and their beacons, protocol messages, certificate
 * metadata and certificates, signers with stake, stake distributions and the two stake distribution
 * artifacts, together with their byte-exact SHA-256 hashes. Signables live in {@code protocol.signable}.
 *
 * <p>Plain Java only: no I/O, no JSON library, no CDI. Cryptographic objects (STM aggregate
 * verification key and multi-signature, Ed25519 genesis signature) are carried as their canonical
 * hex strings; decoding and verifying them is the job of the {@code certificate} package.
 */
package io.mithrilj.aggregator.protocol;
