package io.mithrilj.aggregator.cardano.era;

import io.mithrilj.aggregator.protocol.Epoch;
import java.util.Optional;

/**
 * The era reader's answer at an epoch (upstream {@code EraEpochToken}): the current era marker and the next
 * one if the adapter announces another.
 */
public record EraEpochToken(Epoch currentEpoch, EraMarker currentEra, Optional<EraMarker> nextEra) {

    /** The current era as a supported one; an unsupported current era stops the service upstream. */
    public String currentSupportedEra() {
        return supported(currentEra);
    }

    /** The next era as a supported one; upstream only warns when it is not. */
    public Optional<String> nextSupportedEra() {
        return nextEra.map(EraEpochToken::supported);
    }

    private static String supported(EraMarker marker) {
        if (!EraMarker.SUPPORTED_ERAS.contains(marker.name()))
            throw new UnsupportedEraException("Unsupported era '" + marker.name() + "'.");
        return marker.name();
    }

    /** An era this software does not know. */
    public static final class UnsupportedEraException extends RuntimeException {
        public UnsupportedEraException(String message) {
            super(message);
        }
    }
}
