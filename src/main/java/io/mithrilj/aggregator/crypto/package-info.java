/**
 * Cryptography of the Mithril protocol, without I/O and without any framework: STM ({@code crypto.stm},
 * blst confined to {@code crypto.stm.bls}), Ed25519 ({@code crypto.ed25519}), KES ({@code crypto.kes}). This
 * package holds what they share: {@link io.mithrilj.aggregator.crypto.CodecException}, the error of every
 * key, signature and certificate codec, and {@link io.mithrilj.aggregator.crypto.JsonReader}, the one reader of
 * the JSON inside their json-hex forms (Jackson's streaming parser, the only library this package uses).
 */
package io.mithrilj.aggregator.crypto;
