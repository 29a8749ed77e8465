package io.mithrilj.aggregator.chain;

import io.mithrilj.aggregator.protocol.Epoch;
import java.util.Objects;

/**
 * Where the chain is (upstream {@code TimePoint}): the epoch, the last completed immutable file number of
 * the node database, and the tip; the beacons of every signed entity type derive from it.
 */
public record TimePoint(Epoch epoch, long immutableFileNumber, ChainPoint chainPoint) {
    public TimePoint {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(chainPoint, "chainPoint");
        if (immutableFileNumber < 0) throw new IllegalArgumentException("negative immutable file number");
    }
}
