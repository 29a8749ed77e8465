package io.mithrilj.aggregator.cardano.ticker;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.chain.ImmutableFileObserver;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;

/**
 * Where the chain is now (upstream {@code MithrilTickerService}): the epoch from the chain observer, the last
 * completed immutable file number from the node database, then the chain point, in upstream's order. A missing
 * answer is an error: the node is not ready.
 */
public final class MithrilTickerService {

    private final ChainObserver chainObserver;
    private final ImmutableFileObserver immutableFileObserver;

    public MithrilTickerService(ChainObserver chainObserver, ImmutableFileObserver immutableFileObserver) {
        this.chainObserver = chainObserver;
        this.immutableFileObserver = immutableFileObserver;
    }

    public Epoch currentEpoch() {
        return currentTimePoint().epoch();
    }

    public TimePoint currentTimePoint() {
        Epoch epoch;
        try {
            epoch = chainObserver
                    .currentEpoch()
                    .orElseThrow(() -> new ChainObserverException(
                            "No epoch yielded by the chain observer, is your cardano node ready?"));
        } catch (ChainObserverException e) {
            throw new ChainObserverException("TimePoint Provider can not get current epoch: " + e.getMessage(), e);
        }
        long immutableFileNumber;
        try {
            immutableFileNumber = immutableFileObserver.lastImmutableFileNumber();
        } catch (ChainObserverException e) {
            throw new ChainObserverException(
                    "TimePoint Provider can not get last immutable file number for epoch: '" + epoch.value() + "': "
                            + e.getMessage(),
                    e);
        }
        ChainPoint chainPoint;
        try {
            chainPoint = chainObserver
                    .currentChainPoint()
                    .orElseThrow(() -> new ChainObserverException(
                            "No chain point yielded by the chain observer, is your cardano node ready?"));
        } catch (ChainObserverException e) {
            throw new ChainObserverException(
                    "TimePoint Provider can not get current chain point: " + e.getMessage(), e);
        }
        return new TimePoint(epoch, immutableFileNumber, chainPoint);
    }
}
