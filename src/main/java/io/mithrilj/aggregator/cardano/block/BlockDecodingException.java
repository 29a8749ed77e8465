package io.mithrilj.aggregator.cardano.block;

/** A block that cannot be decoded; the message says which part (upstream: "the cbor encoded block could not be parsed"). */
public final class BlockDecodingException extends RuntimeException {
    public BlockDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
