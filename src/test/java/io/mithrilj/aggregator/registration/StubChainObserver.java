package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.protocol.Epoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A chain whose KES period and stakes the test sets; enabled by the profiles that need it. */
@Alternative
@ApplicationScoped
public class StubChainObserver implements ChainObserver {
    private volatile Optional<Long> kesPeriod = Optional.of(0L);
    private volatile Map<String, Long> stakes = Map.of();

    public void kesPeriod(Optional<Long> period) {
        this.kesPeriod = period;
    }

    public void stakes(Map<String, Long> distribution) {
        this.stakes = Map.copyOf(distribution);
    }

    @Override
    public Optional<String> currentEra() {
        return Optional.of("Conway");
    }

    @Override
    public Optional<Epoch> currentEpoch() {
        return Optional.of(new Epoch(1000));
    }

    @Override
    public Optional<ChainPoint> currentChainPoint() {
        return Optional.of(new ChainPoint(1000, 100, "00".repeat(32)));
    }

    @Override
    public Map<String, Long> currentStakeDistribution() {
        return stakes;
    }

    @Override
    public Optional<Long> currentKesPeriod() {
        return kesPeriod;
    }

    @Override
    public List<String> currentDatums(String address) {
        return List.of();
    }
}
