package io.mithrilj.aggregator.cardano.cbor;

/** The CBOR major types (RFC 8949 §3.1), with the simple/float type split from the break code. */
public enum CborType {
    UNSIGNED,
    NEGATIVE,
    BYTES,
    TEXT,
    ARRAY,
    MAP,
    TAG,
    SIMPLE,
    BREAK
}
