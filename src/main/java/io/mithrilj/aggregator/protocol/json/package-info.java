/**
 * The JSON messages of upstream 2603.1 for certificates, exactly as upstream writes and reads them:
 * {@link io.mithrilj.aggregator.protocol.json.CertificateMessage} (10 keys in order),
 * {@link io.mithrilj.aggregator.protocol.json.CertificateListItemMessage} (with {@code total_signers}),
 * protocol messages, signed entity types (serde externally tagged), metadata, chrono-style timestamps
 * and serde_json float formatting; plus the JSON-hex canonical re-encoding of crypto objects.
 * Crypto strings are canonicalized with the STM and Ed25519 codecs ({@link io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer#STM}).
 * Also the text tools every served message goes through ({@link io.mithrilj.aggregator.protocol.json.MessageJson}:
 * compaction that keeps key order and number spelling; {@link io.mithrilj.aggregator.protocol.json.JsonArrays})
 * and the message shapes of each signed entity type's artifact (list-item keys, id field).
 * Uses Jackson streaming and tree APIs only (no data binding of domain classes).
 */
package io.mithrilj.aggregator.protocol.json;
