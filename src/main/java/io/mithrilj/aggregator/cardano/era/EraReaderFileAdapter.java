package io.mithrilj.aggregator.cardano.era;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.chain.ChainObserverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ERA_READER_ADAPTER_TYPE=file} (upstream {@code FileAdapter}): a JSON array of markers, read on every call. */
public final class EraReaderFileAdapter implements EraReaderAdapter {

    private final Path markersFile;

    public EraReaderFileAdapter(Path markersFile) {
        this.markersFile = markersFile;
    }

    @Override
    public List<EraMarker> readMarkers() {
        try {
            return EraMarkersJson.markers(new ObjectMapper().readTree(Files.readString(markersFile)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ChainObserverException(
                    "cannot read the era markers file '" + markersFile + "': " + e.getMessage(), e);
        }
    }
}
