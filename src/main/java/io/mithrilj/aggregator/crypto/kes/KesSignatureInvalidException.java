package io.mithrilj.aggregator.crypto.kes;

import java.util.OptionalLong;

/** A KES signature does not verify (upstream {@code KesSignatureInvalid(evolutions, start)}). */
public final class KesSignatureInvalidException extends KesException {
    private static final long serialVersionUID = 1L;

    private final long kesEvolutions;
    private final Long startKesPeriod;

    /** Failure of a bare KES verification at {@code kesEvolutions}. */
    public KesSignatureInvalidException(long kesEvolutions, Throwable cause) {
        super("KES signature verification error: KesEvolutions=" + Long.toUnsignedString(kesEvolutions), cause);
        this.kesEvolutions = kesEvolutions;
        this.startKesPeriod = null;
    }

    /** Failure of a registration whose opcert starts at {@code startKesPeriod}. */
    public KesSignatureInvalidException(long kesEvolutions, long startKesPeriod, Throwable cause) {
        super(
                "KES signature verification error: KesEvolutions=" + Long.toUnsignedString(kesEvolutions)
                        + ", StartKesPeriod=" + Long.toUnsignedString(startKesPeriod),
                cause);
        this.kesEvolutions = kesEvolutions;
        this.startKesPeriod = startKesPeriod;
    }

    /** The evolutions the verification was attempted at (unsigned). */
    public long kesEvolutions() {
        return kesEvolutions;
    }

    /** The opcert start period when known (unsigned). */
    public OptionalLong startKesPeriod() {
        return startKesPeriod == null ? OptionalLong.empty() : OptionalLong.of(startKesPeriod);
    }
}
