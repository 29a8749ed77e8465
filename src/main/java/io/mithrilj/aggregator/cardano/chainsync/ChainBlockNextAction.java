package io.mithrilj.aggregator.cardano.chainsync;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.block.ScannedBlock;

/** What the chain reader yields (upstream {@code ChainBlockNextAction}): a decoded block, or a roll-back to a point. */
public sealed interface ChainBlockNextAction {

    record RollForward(ScannedBlock block) implements ChainBlockNextAction {}

    record RollBackward(Point point) implements ChainBlockNextAction {}
}
