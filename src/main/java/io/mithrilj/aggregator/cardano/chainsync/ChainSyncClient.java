package io.mithrilj.aggregator.cardano.chainsync;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.ouroboros.Multiplexer;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import java.util.List;
import java.util.Optional;

/**
 * The client side of local chain-sync (protocol 5, pallas {@code chainsync::N2CClient}): find an
 * intersection, then ask for the next block, roll-back or "await". Tracks agency: after {@code MsgAwaitReply}
 * the node owes a reply and the client must not send.
 */
public final class ChainSyncClient {

    public static final int PROTOCOL = 5;

    private final Multiplexer mux;
    private boolean awaiting;

    public ChainSyncClient(Multiplexer mux) {
        this.mux = mux;
    }

    /** True after {@code MsgAwaitReply}: the next call waits for the node's reply without sending. */
    public boolean awaitingReply() {
        return awaiting;
    }

    /** {@code MsgFindIntersect [4, points]}: the intersection found, or empty ({@code MsgIntersectNotFound}). */
    public Optional<Point> findIntersect(List<Point> points) {
        if (awaiting) throw new IllegalStateException("the node has agency: read the awaited reply first");
        CborWriter w = new CborWriter().array(2).unsigned(4).array(points.size());
        points.forEach(p -> p.write(w));
        mux.send(PROTOCOL, w.toByteArray());
        CborReader r = reply();
        try {
            int n = r.readArrayHeader();
            long tag = r.readUnsigned();
            if (tag == 5 && n == 3) {
                Point p = Point.read(r);
                Tip.read(r);
                return Optional.of(p);
            }
            if (tag == 6 && n == 2) return Optional.empty();
            throw violation("MsgIntersectFound or MsgIntersectNotFound", tag);
        } catch (CborException e) {
            throw unreadable(e);
        }
    }

    /** {@code MsgRequestNext [0]} (unless a reply is awaited) and its reply. */
    public ChainSyncEvent next() {
        if (!awaiting) mux.send(PROTOCOL, new CborWriter().array(1).unsigned(0).toByteArray());
        CborReader r = reply();
        try {
            int n = r.readArrayHeader();
            long tag = r.readUnsigned();
            if (tag == 1 && n == 1) {
                awaiting = true;
                return new ChainSyncEvent.Await();
            }
            awaiting = false;
            if (tag == 2 && n == 3) {
                long t = r.readTag();
                if (t != 24) throw violation("a tag-24 wrapped block", t);
                var block = r.readBytesSpan();
                return new ChainSyncEvent.RollForward(block, Tip.read(r));
            }
            if (tag == 3 && n == 3) {
                Point p = Point.read(r);
                return new ChainSyncEvent.RollBackward(p, Tip.read(r));
            }
            throw violation("MsgRollForward, MsgRollBackward or MsgAwaitReply", tag);
        } catch (CborException e) {
            throw unreadable(e);
        }
    }

    /** {@code MsgDone [7]}. */
    public void done() {
        mux.send(PROTOCOL, new CborWriter().array(1).unsigned(7).toByteArray());
    }

    private CborReader reply() {
        return new CborReader(mux.receive(PROTOCOL));
    }

    private OuroborosException violation(String expected, long found) {
        return new OuroborosException.ProtocolViolation(
                mux.peer() + " sent " + found + " on chain-sync where " + expected + " was due", null);
    }

    private OuroborosException unreadable(CborException e) {
        return new OuroborosException.ProtocolViolation(
                mux.peer() + " sent an unreadable chain-sync message: " + e.getMessage(), e);
    }
}
