package io.mithrilj.aggregator.cardano.chainsync;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;

/** The node's tip as chain-sync sends it with every reply: {@code [point, blockNo]}. */
public record Tip(Point point, long blockNumber) {

    public static Tip read(CborReader r) {
        r.readArrayHeader(2, "tip");
        Point p = Point.read(r);
        return new Tip(p, r.readUnsigned());
    }

    public CborWriter write(CborWriter w) {
        return point.write(w.array(2)).unsigned(blockNumber);
    }
}
