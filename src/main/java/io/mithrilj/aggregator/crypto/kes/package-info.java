/**
 * Cardano Sum6 KES (Sum6KES over Ed25519 with Blake2b-256), operational certificates, pool ids and
 * the authentication of a Mithril signer registration, byte-compatible with Mithril 2603.1 and the
 * {@code kes-summed-ed25519} crate it uses.
 *
 * <ul>
 *   <li>{@link io.mithrilj.aggregator.crypto.kes.Sum6Kes}: constants and the verification
 *       algorithm; {@link io.mithrilj.aggregator.crypto.kes.Sum6KesSignature} (448 bytes, json-hex
 *       primary, bytes-hex fallback); {@link io.mithrilj.aggregator.crypto.kes.KesPublicKey} (32
 *       bytes); {@link io.mithrilj.aggregator.crypto.kes.Sum6KesSigningKey} (key generation from a
 *       seed, evolution, signing; for signers and test doubles).</li>
 *   <li>{@link io.mithrilj.aggregator.crypto.kes.OperationalCertificate}: json-hex / CBOR codecs,
 *       cold-key signature check, pool id and bech32 {@code pool1...} party id ({@link
 *       io.mithrilj.aggregator.crypto.kes.Bech32}).</li>
 *   <li>{@link io.mithrilj.aggregator.crypto.kes.KesPeriods}: KES period and evolution
 *       arithmetic.</li>
 *   <li>{@link io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator}: opcert + KES
 *       signature over the 192-byte STM {@code vk || pop} → party id.</li>
 * </ul>
 *
 * <p>Errors are typed: {@link io.mithrilj.aggregator.crypto.kes.KesException} and its subclasses
 * {@link io.mithrilj.aggregator.crypto.kes.KesPeriodOutOfRangeException}, {@link
 * io.mithrilj.aggregator.crypto.kes.KesSignatureInvalidException}, {@link
 * io.mithrilj.aggregator.crypto.kes.OpCertInvalidException}; decoding failures are {@link
 * io.mithrilj.aggregator.crypto.CodecException}. Pure Java on BouncyCastle and {@code
 * crypto.ed25519}; no I/O.
 */
package io.mithrilj.aggregator.crypto.kes;
