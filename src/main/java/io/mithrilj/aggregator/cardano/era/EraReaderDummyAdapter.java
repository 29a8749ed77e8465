package io.mithrilj.aggregator.cardano.era;

import java.util.List;

/** {@code ERA_READER_ADAPTER_TYPE=dummy} (upstream {@code DummyAdapter}): fixed markers, for tests. */
public final class EraReaderDummyAdapter implements EraReaderAdapter {

    private volatile List<EraMarker> markers;

    public EraReaderDummyAdapter(List<EraMarker> markers) {
        this.markers = List.copyOf(markers);
    }

    public void setMarkers(List<EraMarker> markers) {
        this.markers = List.copyOf(markers);
    }

    @Override
    public List<EraMarker> readMarkers() {
        return markers;
    }
}
