package io.mithrilj.aggregator.cardano.chainsync;

import io.mithrilj.aggregator.cardano.block.Point;
import java.util.Optional;

/**
 * The blocks after a point, with the node's roll-backs (upstream {@code ChainReaderBlockStreamer}'s reading
 * part): the first reply after an intersection is a roll-back to that very point, which is skipped.
 */
public final class BlockStream {

    private final ChainReader reader;
    private final Point from;
    private boolean started;

    public BlockStream(ChainReader reader, Point from) {
        this.reader = reader;
        this.from = from;
    }

    /** The next block or a real roll-back; empty at the tip. */
    public Optional<ChainBlockNextAction> next() {
        if (!started) {
            reader.setChainPoint(from);
            started = true;
        }
        while (true) {
            Optional<ChainBlockNextAction> action = reader.nextAction();
            if (action.isPresent()
                    && action.get() instanceof ChainBlockNextAction.RollBackward(Point p)
                    && p.slot() == from.slot()) {
                continue;
            }
            return action;
        }
    }
}
