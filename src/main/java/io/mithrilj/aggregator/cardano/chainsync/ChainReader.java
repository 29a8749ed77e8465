package io.mithrilj.aggregator.cardano.chainsync;

import io.mithrilj.aggregator.cardano.block.BlockDecoder;
import io.mithrilj.aggregator.cardano.block.BlockDecodingException;
import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.cardano.ouroboros.Handshake;
import io.mithrilj.aggregator.cardano.ouroboros.HandshakeVersions;
import io.mithrilj.aggregator.cardano.ouroboros.Multiplexer;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Blocks from the node's socket over chain-sync (upstream {@code PallasChainReader}). Unlike the chain
 * observer it keeps one connection, since a stream of thousands of blocks must not reconnect per block;
 * any error drops it and the next {@link #setChainPoint} opens a new one (upstream does the same), so a
 * node restart costs one failed call. Not thread-safe.
 */
public final class ChainReader implements Closeable {

    private final Path socket;
    private final CardanoNetwork network;
    private final Duration timeout;
    private final BlockDecoder decoder = new BlockDecoder();
    private Multiplexer mux;
    private ChainSyncClient client;

    public ChainReader(Path socket, CardanoNetwork network, Duration timeout) {
        this.socket = socket;
        this.network = network;
        this.timeout = timeout;
    }

    /** Positions the reader at a point (the origin included); the next blocks are those after it. */
    public void setChainPoint(Point point) {
        guarded(() -> {
            ChainSyncClient c = connection();
            if (c.awaitingReply()) {
                // the node has agency until its awaited reply: start over on a fresh connection
                close();
                c = connection();
            }
            Optional<Point> found = c.findIntersect(List.of(point));
            if (found.isEmpty())
                throw new OuroborosException.ProtocolViolation(
                        "the node at " + socket + " does not know the point " + point, null);
            return null;
        });
    }

    /** The next block or roll-back; empty when the reader is at the tip (then call again later). */
    public Optional<ChainBlockNextAction> nextAction() {
        return guarded(() -> switch (connection().next()) {
            case ChainSyncEvent.RollForward f -> {
                var span = f.block();
                yield Optional.<ChainBlockNextAction>of(new ChainBlockNextAction.RollForward(
                        decoder.decode(span.source(), span.start(), span.length())));
            }
            case ChainSyncEvent.RollBackward b -> Optional.of(new ChainBlockNextAction.RollBackward(b.point()));
            case ChainSyncEvent.Await a -> Optional.empty();
        });
    }

    private ChainSyncClient connection() {
        if (client == null) {
            Multiplexer m = Multiplexer.connect(socket, timeout);
            try {
                Handshake.propose(m, HandshakeVersions.nodeToClient(network.magic()));
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
            mux = m;
            client = new ChainSyncClient(m);
        }
        return client;
    }

    private <T> T guarded(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (OuroborosException | BlockDecodingException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (mux != null) mux.close();
        mux = null;
        client = null;
    }
}
