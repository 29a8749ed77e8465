package io.mithrilj.aggregator.protocol.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Timestamps as chrono's serde form writes them ({@code SecondsFormat::AutoSi}, {@code Z} suffix):
 * the fraction is omitted when zero, else printed with 3, 6 or 9 digits, the fewest that are exact.
 * {@link Instant#toString()} uses the same rule for years 0000-9999. Parsing accepts any RFC 3339
 * offset (and a space instead of {@code T}) and converts to UTC, keeping nanoseconds.
 */
public final class Rfc3339 {
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private Rfc3339() {}

    public static String format(Instant instant) {
        return instant.toString();
    }

    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, PARSER).toInstant();
        } catch (DateTimeParseException e) {
            throw new MessageFormatException("invalid RFC 3339 timestamp '" + text + "'", e);
        }
    }
}
