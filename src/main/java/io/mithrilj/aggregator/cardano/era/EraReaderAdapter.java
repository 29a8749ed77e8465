package io.mithrilj.aggregator.cardano.era;

import java.util.List;

/**
 * Where the Mithril era markers come from (upstream {@code EraReaderAdapter}): bootstrap, the chain
 * (signed datums), a file or fixed markers. Throws {@link io.mithrilj.aggregator.chain.ChainObserverException} when they cannot be read.
 */
public interface EraReaderAdapter {

    List<EraMarker> readMarkers();
}
