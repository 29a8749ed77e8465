package io.mithrilj.aggregator.crypto;

/**
 * A key, signature or certificate could not be decoded from (or encoded to) its json-hex,
 * bytes-hex or binary form.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
