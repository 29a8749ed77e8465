/**
 * Ed25519 keys and signatures as Mithril 2603.1 encodes them (genesis key, era-marker key,
 * ancillary manifest key, Cardano cold keys).
 *
 * <ul>
 *   <li>{@link io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey}: 32-byte seed, RFC 8032
 *       signing, json-hex (JSON array of 32 ints) primary encoding, bytes-hex fallback; {@code
 *       toString()} is redacted.</li>
 *   <li>{@link io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey}: 32-byte key, json-hex
 *       primary, bytes-hex fallback, {@code verify} with ed25519-dalek {@code verify_strict}
 *       semantics: canonical {@code S}, canonical {@code R}, neither {@code R} nor the key of small
 *       order, and the <em>cofactorless</em> equation (BouncyCastle's own check is cofactored, so
 *       {@code R} must also be in the prime-order subgroup, and keys outside that subgroup are
 *       verified by an exact BigInteger fallback).</li>
 *   <li>{@link io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature}: 64 bytes, bytes-hex primary,
 *       json-hex fallback.</li>
 *   <li>{@link io.mithrilj.aggregator.crypto.ed25519.HexJson}: the json-hex / bytes-hex helpers
 *       (also used by {@code crypto.kes}).</li>
 * </ul>
 *
 * <p>Pure Java on BouncyCastle; no I/O. Errors: {@link
 * io.mithrilj.aggregator.crypto.CodecException} for decoding, {@link
 * io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException} (with a {@link
 * io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException.Reason}) for verification.
 */
package io.mithrilj.aggregator.crypto.ed25519;
