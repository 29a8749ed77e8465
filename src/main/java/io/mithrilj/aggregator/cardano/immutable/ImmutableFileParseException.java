package io.mithrilj.aggregator.cardano.immutable;

import java.nio.file.Path;

/** An immutable chunk or its index that cannot be read; names the file and the byte offset. */
public final class ImmutableFileParseException extends RuntimeException {

    private final Path file;
    private final long offset;

    public ImmutableFileParseException(Path file, long offset, String message, Throwable cause) {
        super(file + " at byte " + offset + ": " + message, cause);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
