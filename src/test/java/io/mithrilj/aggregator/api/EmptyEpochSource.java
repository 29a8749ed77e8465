package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.epoch.EpochSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Optional;

/** An epoch source that knows no epoch yet (before the first epoch transition); enabled by {@link NotInitialisedStateTest}. */
@Alternative
@ApplicationScoped
public class EmptyEpochSource implements EpochSource {
    @Override
    public Uni<Optional<EpochState>> current() {
        return Uni.createFrom().item(Optional.empty());
    }
}
