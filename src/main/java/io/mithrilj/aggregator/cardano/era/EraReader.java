package io.mithrilj.aggregator.cardano.era;

import io.mithrilj.aggregator.protocol.Epoch;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the era at an epoch from an adapter's markers (upstream {@code EraReader::read_era_epoch_token}): the
 * current era is the marker with the greatest epoch not after the current one (the first on ties), the next era
 * the last marker when it differs from the current.
 */
public final class EraReader {

    private final EraReaderAdapter adapter;

    public EraReader(EraReaderAdapter adapter) {
        this.adapter = adapter;
    }

    public EraEpochToken readEraEpochToken(Epoch currentEpoch) {
        List<EraMarker> eras;
        try {
            eras = adapter.readMarkers();
        } catch (RuntimeException e) {
            throw new EraReaderException(
                    "Adapter Error message: «Reading from EraReader adapter raised an error: '" + e.getMessage()
                            + "'.»",
                    e);
        }
        EraMarker current = null;
        for (EraMarker m : eras) {
            if (m.epoch().isEmpty()) continue;
            long e = m.epoch().getAsLong();
            if (Long.compareUnsigned(e, currentEpoch.value()) <= 0
                    && (current == null
                            || Long.compareUnsigned(e, current.epoch().getAsLong()) > 0)) current = m;
        }
        if (current == null)
            throw new EraReaderException(
                    "Cannot determine the Era we are currently at epoch " + currentEpoch.value()
                            + " using the adapter informations: " + describe(eras),
                    null);
        EraMarker last = eras.getLast();
        return new EraEpochToken(currentEpoch, current, last.equals(current) ? Optional.empty() : Optional.of(last));
    }

    private static String describe(List<EraMarker> eras) {
        return eras.stream()
                .map(m -> "EraMarker { name: \"" + m.name() + "\", epoch: "
                        + (m.epoch().isPresent() ? "Some(Epoch(" + m.epoch().getAsLong() + "))" : "None") + " }")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The era could not be determined. */
    public static final class EraReaderException extends RuntimeException {
        public EraReaderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
