/**
 * CBOR (RFC 8949) as the Cardano node speaks it: a streaming reader that keeps each item's exact bytes
 * (what pallas' {@code KeepRaw} does upstream) and is safe on hostile input, and a small writer.
 * Plain Java, no I/O.
 */
package io.mithrilj.aggregator.cardano.cbor;
