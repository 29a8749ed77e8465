package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.epoch.EpochNotReadyException;
import io.mithrilj.aggregator.epoch.EpochQueries;
import io.smallrye.mutiny.Uni;
import java.util.Locale;

/**
 * Upstream's epoch path parameter ({@code http_server/parameters.rs}): lower-cased, then {@code <u64>},
 * {@code latest} (= current epoch N) or {@code latest-<u64>} (= N − offset, saturating at 0). Parse
 * failures and an unknown current epoch are 400 {@code invalid_epoch} with upstream's messages.
 *
 * @param epoch  the expanded epoch as an unsigned 64-bit value
 * @param latest whether it came from {@code latest…}
 * @param offset the {@code latest-} offset (unsigned), 0 otherwise
 */
record EpochParameter(long epoch, boolean latest, long offset) {

    static final String INVALID =
            "Invalid epoch: expected 'X', 'latest' or 'latest-X' where X is a positive 64-bit integer";
    /** Upstream's {@code max_artifact_epoch_offset}. */
    static final long MAX_ARTIFACT_EPOCH_OFFSET = 5;

    static Uni<EpochParameter> expand(String raw, EpochQueries epochs) {
        String text = raw.toLowerCase(Locale.ROOT);
        if (text.equals("latest")) {
            return current(epochs).map(n -> new EpochParameter(n, true, 0));
        }
        if (text.startsWith("latest-")) {
            String offsetText = text.substring("latest-".length());
            if (offsetText.isEmpty())
                return Uni.createFrom()
                        .failure(ApiException.invalidEpoch("Invalid epoch '" + text + "': offset cannot be empty"));
            long offset;
            try {
                offset = parseU64(offsetText);
            } catch (NumberFormatException e) {
                return Uni.createFrom()
                        .failure(ApiException.invalidEpoch(
                                "Invalid epoch '" + text + "': offset must be a positive 64-bit integer"));
            }
            return current(epochs)
                    .map(n -> new EpochParameter(Long.compareUnsigned(n, offset) > 0 ? n - offset : 0, true, offset));
        }
        try {
            return Uni.createFrom().item(new EpochParameter(parseU64(text), false, 0));
        } catch (NumberFormatException e) {
            return Uni.createFrom().failure(ApiException.invalidEpoch(INVALID));
        }
    }

    /** Rust's {@code u64::from_str}: optional '+', ASCII digits only, ≤ 2^64 − 1. */
    static long parseU64(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new NumberFormatException(text);
        return Long.parseUnsignedLong(digits);
    }

    private static Uni<Long> current(EpochQueries epochs) {
        return epochs.currentEpoch()
                .map(s -> s.epoch())
                .onFailure(EpochNotReadyException.class)
                .transform(e -> ApiException.invalidEpoch(e.getMessage()));
    }

    boolean offsetGreaterThan(long max) {
        return latest && Long.compareUnsigned(offset, max) > 0;
    }

    /** The epoch minus {@code additional} when it came from {@code latest…} (saturating). */
    long applyOffsetForLatest(long additional) {
        if (!latest) return epoch;
        return Long.compareUnsigned(epoch, additional) > 0 ? epoch - additional : 0;
    }

    /** Whether an epoch fits the stores' signed 64-bit columns (larger ones have no data). */
    static boolean storable(long unsignedEpoch) {
        return unsignedEpoch >= 0;
    }
}
