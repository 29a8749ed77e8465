package io.mithrilj.aggregator.cardano.cbor;

/** Bytes that are not the CBOR this code expects; {@link #kind()} says what is wrong and the message where. */
public final class CborException extends RuntimeException {

    /** What is wrong with the bytes. */
    public enum Kind {
        /** The bytes end inside a value (including a declared length longer than what is left). */
        TRUNCATED,
        /** Reserved additional information, a bad break, or a chunk of the wrong type. */
        MALFORMED,
        /** Nesting deeper than the reader allows. */
        TOO_DEEP,
        /** A declared length or integer that does not fit what Java can hold. */
        TOO_LARGE,
        /** Bytes left after the one value that was expected. */
        TRAILING_BYTES,
        /** Well-formed CBOR of another shape than the one expected. */
        UNEXPECTED
    }

    private final Kind kind;
    private final int offset;

    public CborException(Kind kind, int offset, String message) {
        super(message + " (at byte " + offset + ")");
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** Where in the input the problem was found. */
    public int offset() {
        return offset;
    }
}
