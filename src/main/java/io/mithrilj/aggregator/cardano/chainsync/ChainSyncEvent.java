package io.mithrilj.aggregator.cardano.chainsync;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;

/** A chain-sync reply to {@code MsgRequestNext} (pallas {@code NextResponse}). */
public sealed interface ChainSyncEvent {

    /** {@code MsgRollForward [2, #6.24(bstr block), tip]}: the block's exact bytes. */
    record RollForward(CborSpan block, Tip tip) implements ChainSyncEvent {}

    /** {@code MsgRollBackward [3, point, tip]}. */
    record RollBackward(Point point, Tip tip) implements ChainSyncEvent {}

    /** {@code MsgAwaitReply [1]}: at the tip; the next reply comes when the node has a new block. */
    record Await() implements ChainSyncEvent {}
}
