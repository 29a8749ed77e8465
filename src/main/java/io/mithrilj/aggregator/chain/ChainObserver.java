package io.mithrilj.aggregator.chain;

import io.mithrilj.aggregator.protocol.Epoch;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Cardano chain as the aggregator reads it (upstream {@code ChainObserver}, 2603.1). Calls block and
 * may do I/O: call them off the event loop. An implementation that cannot reach its source throws
 * {@link ChainObserverException} naming the source; empty answers mean the chain has nothing yet.
 */
public interface ChainObserver {

    /** The current Cardano era name as upstream displays it, e.g. {@code Conway}. */
    Optional<String> currentEra();

    /** The current epoch. */
    Optional<Epoch> currentEpoch();

    /** The tip: slot, block number and block hash. */
    Optional<ChainPoint> currentChainPoint();

    /**
     * The stake distribution of the current epoch's mark snapshot: pool id in bech32 ({@code pool1…}) to
     * stake in lovelace, pools with zero stake left out, in a stable order.
     */
    Map<String, Long> currentStakeDistribution();

    /** The current KES period ({@code slot / slots_per_kes_period}). */
    Optional<Long> currentKesPeriod();

    /** The inline datums at an address, as cardano-cli's detailed-schema JSON text, in UTxO order. */
    List<String> currentDatums(String address);
}
