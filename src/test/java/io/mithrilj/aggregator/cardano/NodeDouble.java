package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.block.BlockDecoder;
import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.block.ScannedBlock;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.chainsync.Tip;
import io.mithrilj.aggregator.cardano.ouroboros.HandshakeVersions;
import io.mithrilj.aggregator.cardano.ouroboros.Multiplexer;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cardano-node double on a temporary Unix socket (spec §2.7): the real handshake (node-to-client v10..v16,
 * refusing another magic), local state query answering recorded results keyed by the query's bytes,
 * chain-sync replaying blocks with an optional roll-back, and fault injection (drop the connection when a
 * given query arrives). Every received message is recorded as {@code protocol:hex}.
 */
public final class NodeDouble implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();

    private final Path socket;
    private final long magic;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<Multiplexer> connections = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> lsqResults = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile String dropOnQuery;
    private volatile List<byte[]> blocks = List.of();
    private volatile List<ScannedBlock> decoded = List.of();
    private volatile int repeat = 1;
    private volatile int rollBackAfter = -1;
    private volatile int rollBackTo = -1;

    private NodeDouble(Path socket, long magic) throws IOException {
        this.socket = socket;
        this.magic = magic;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofPlatform().daemon().name("node-double-accept").start(this::acceptLoop);
    }

    /** Starts a double listening on {@code dir/node.socket} for the given network magic. */
    public static NodeDouble start(Path dir, long magic) {
        try {
            return new NodeDouble(dir.resolve("node.socket"), magic);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path socket() {
        return socket;
    }

    /** Answers the local state query {@code queryHex} (the query inside {@code MsgQuery}) with {@code msgResultHex}. */
    public NodeDouble answer(String queryHex, String msgResultHex) {
        lsqResults.put(queryHex.toLowerCase(), HEX.parseHex(msgResultHex));
        return this;
    }

    /** Closes the connection when this query arrives, as a node that dies mid-query. */
    public NodeDouble dropConnectionOn(String queryHex) {
        dropOnQuery = queryHex.toLowerCase();
        return this;
    }

    /** Answers every query again, as a node back to health (undoes {@link #dropConnectionOn}). */
    public NodeDouble stopDropping() {
        dropOnQuery = null;
        return this;
    }

    /** Replays {@code blocks} (each a multi-era block), {@code times} over, on chain-sync. */
    public NodeDouble replay(List<byte[]> blocks, int times) {
        BlockDecoder d = new BlockDecoder();
        List<ScannedBlock> info = new ArrayList<>();
        for (byte[] b : blocks) info.add(d.decode(b));
        this.blocks = List.copyOf(blocks);
        this.decoded = List.copyOf(info);
        this.repeat = times;
        return this;
    }

    /** After serving block index {@code after}, rolls back to block index {@code to} and serves on from there. */
    public NodeDouble rollBack(int after, int to) {
        rollBackAfter = after;
        rollBackTo = to;
        return this;
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    /** The received messages once there are at least {@code count} (the client may finish before the double reads). */
    public List<String> awaitReceived(int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received();
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                accepted.incrementAndGet();
                Multiplexer mux = Multiplexer.accepted(ch, Duration.ofMinutes(10));
                connections.add(mux);
                Thread.ofVirtual().start(() -> serve(mux));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Multiplexer mux) {
        ChainSyncState sync = new ChainSyncState();
        try {
            while (true) {
                Multiplexer.Message m = mux.receiveAny();
                received.add(m.protocol() + ":" + HEX.formatHex(m.bytes()));
                boolean keepOpen = switch (m.protocol()) {
                    case 0 -> handshake(mux, m.bytes());
                    case 7 -> localStateQuery(mux, m.bytes());
                    case 5 -> chainSync(mux, m.bytes(), sync);
                    default -> false;
                };
                if (!keepOpen) break;
            }
        } catch (OuroborosException e) {
            // the client went away, or sent something we do not speak: end this connection
        } finally {
            mux.close();
            connections.remove(mux);
        }
    }

    private boolean handshake(Multiplexer mux, byte[] msg) {
        CborReader r = new CborReader(msg);
        r.readArrayHeader(2, "propose");
        if (r.readUnsigned() != 0) return false;
        int n = r.readMapHeader();
        long best = -1;
        byte[] bestData = null;
        for (int i = 0; r.hasNext(n, i); i++) {
            long v = r.readUnsigned();
            CborSpan data = r.readRaw();
            boolean supported = v >= (HandshakeVersions.NODE_TO_CLIENT_BIT | 10)
                    && v <= (HandshakeVersions.NODE_TO_CLIENT_BIT | 16);
            if (supported && v > best) {
                best = v;
                bestData = data.bytes();
            }
        }
        if (best < 0) {
            CborWriter w =
                    new CborWriter().array(2).unsigned(2).array(2).unsigned(0).array(7);
            for (int v = 10; v <= 16; v++) w.unsigned(HandshakeVersions.NODE_TO_CLIENT_BIT | v);
            mux.send(0, w.toByteArray());
            return false;
        }
        long theirMagic = HandshakeVersions.magicOf(bestData);
        if (theirMagic != magic) {
            mux.send(
                    0,
                    new CborWriter()
                            .array(2)
                            .unsigned(2)
                            .array(3)
                            .unsigned(2)
                            .unsigned(best)
                            .text("version data mismatch: NetworkMagic " + theirMagic + " /= NetworkMagic " + magic)
                            .toByteArray());
            return false;
        }
        mux.send(
                0,
                new CborWriter()
                        .array(3)
                        .unsigned(1)
                        .unsigned(best)
                        .raw(bestData)
                        .toByteArray());
        return true;
    }

    private boolean localStateQuery(Multiplexer mux, byte[] msg) {
        CborReader r = new CborReader(msg);
        int n = r.readArrayHeader();
        long tag = r.readUnsigned();
        switch ((int) tag) {
            case 0, 8, 6, 9 -> mux.send(7, new CborWriter().array(1).unsigned(1).toByteArray());
            case 3 -> {
                String query = r.readRaw().hex();
                if (query.equals(dropOnQuery)) return false;
                byte[] result = lsqResults.get(query);
                if (result == null) return false; // a real node would not know such a query either
                mux.send(7, result);
            }
            case 5 -> {}
            case 7 -> {}
            default -> {
                return false;
            }
        }
        return n >= 0;
    }

    /** Where a chain-sync client is: the index of the next block to send, and a pending roll-back. */
    private static final class ChainSyncState {
        long next;
        Point pendingRollBack;
        boolean rolledBack;
    }

    private Tip tip() {
        long total = (long) blocks.size() * repeat;
        if (total == 0) return new Tip(Point.ORIGIN, 0);
        ScannedBlock last = decoded.getLast();
        return new Tip(Point.of(last.slotNumber(), last.blockHash()), last.blockNumber());
    }

    private Point pointOf(long index) {
        ScannedBlock b = decoded.get((int) (index % blocks.size()));
        return Point.of(b.slotNumber(), b.blockHash());
    }

    private boolean chainSync(Multiplexer mux, byte[] msg, ChainSyncState state) {
        CborReader r = new CborReader(msg);
        r.readArrayHeader();
        long tag = r.readUnsigned();
        if (tag == 4) {
            int n = r.readArrayHeader();
            List<Point> points = new ArrayList<>();
            for (int i = 0; r.hasNext(n, i); i++) points.add(Point.read(r));
            for (Point p : points) {
                long found = p.isOrigin() ? -1 : indexOf(p);
                if (p.isOrigin() || found >= 0) {
                    state.next = found + 1;
                    state.pendingRollBack = p;
                    mux.send(
                            5,
                            tip().write(p.write(new CborWriter().array(3).unsigned(5)))
                                    .toByteArray());
                    return true;
                }
            }
            mux.send(5, tip().write(new CborWriter().array(2).unsigned(6)).toByteArray());
            return true;
        }
        if (tag == 0) {
            if (state.pendingRollBack != null) {
                mux.send(5, rollBackward(state.pendingRollBack));
                state.pendingRollBack = null;
                return true;
            }
            if (!state.rolledBack && rollBackAfter >= 0 && state.next == rollBackAfter + 1) {
                state.rolledBack = true;
                state.next = rollBackTo + 1;
                mux.send(5, rollBackward(pointOf(rollBackTo)));
                return true;
            }
            if (state.next >= (long) blocks.size() * repeat) {
                mux.send(5, new CborWriter().array(1).unsigned(1).toByteArray());
                return true;
            }
            byte[] block = blocks.get((int) (state.next % blocks.size()));
            state.next++;
            mux.send(
                    5,
                    tip().write(new CborWriter().array(3).unsigned(2).tag(24).bytes(block))
                            .toByteArray());
            return true;
        }
        return false; // MsgDone or anything else ends the conversation
    }

    private byte[] rollBackward(Point p) {
        return tip().write(p.write(new CborWriter().array(3).unsigned(3))).toByteArray();
    }

    private long indexOf(Point p) {
        for (int i = 0; i < decoded.size(); i++) if (pointOf(i).equals(p)) return i;
        return -1;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        connections.forEach(Multiplexer::close);
        try {
            acceptor.join(2000);
            Files.deleteIfExists(socket);
        } catch (IOException | InterruptedException ignored) {
            // best effort: the temporary directory goes away with the test
        }
    }
}
