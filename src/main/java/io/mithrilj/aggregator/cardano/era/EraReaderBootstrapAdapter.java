package io.mithrilj.aggregator.cardano.era;

import java.util.List;
import java.util.OptionalLong;

/** {@code ERA_READER_ADAPTER_TYPE=bootstrap} (upstream {@code BootstrapAdapter}): the first supported era since epoch 0. */
public final class EraReaderBootstrapAdapter implements EraReaderAdapter {
    @Override
    public List<EraMarker> readMarkers() {
        return List.of(new EraMarker(EraMarker.SUPPORTED_ERAS.getFirst(), OptionalLong.of(0)));
    }
}
