package io.mithrilj.aggregator.epoch;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Port giving the current epoch of the aggregator (upstream's epoch service {@code epoch_of_current_data}
 * with the eras it reports). Empty until the aggregator knows its epoch; epoch-dependent routes then
 * answer as upstream's do before the first epoch transition.
 */
public interface EpochSource {

    /** Upstream's error text when the epoch service has not been informed of an epoch yet. */
    String NOT_INITIALIZED = "Epoch service was not initialized, the function `inform_epoch` must be called first";

    /** The current epoch state, if known. */
    Uni<Optional<EpochState>> current();

    /** Epoch N with the eras reported by {@code /status}. */
    record EpochState(long epoch, String cardanoEra, String mithrilEra) {}
}
