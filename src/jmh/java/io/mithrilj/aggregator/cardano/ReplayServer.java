package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.ouroboros.Multiplexer;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A minimal cardano-node for the benchmark (the tests' NodeDouble is not on the benchmark class path): accepts
 * the handshake, intersects at the origin and replays blocks over chain-sync, then answers "await".
 */
final class ReplayServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path socket;
    private final List<byte[]> rollForwards;

    ReplayServer(Path socket, List<byte[]> blocks, int times) throws IOException {
        this.socket = socket;
        // pre-encoded MsgRollForward messages: the benchmark measures the client, not the double's encoding
        byte[] tip = new CborWriter().array(2).array(0).unsigned(0).toByteArray();
        this.rollForwards = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++)
            for (byte[] b : blocks)
                rollForwards.add(new CborWriter().array(3).unsigned(2).tag(24).bytes(b).raw(tip).toByteArray());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().start(this::acceptLoop);
    }

    Path socket() {
        return socket;
    }

    int blockCount() {
        return rollForwards.size();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                Multiplexer mux = Multiplexer.accepted(server.accept(), Duration.ofMinutes(5));
                Thread.ofPlatform().daemon().start(() -> serve(mux));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Multiplexer mux) {
        int next = 0;
        boolean rollBackPending = false;
        byte[] tip = new CborWriter().array(2).array(0).unsigned(0).toByteArray();
        try (mux) {
            while (true) {
                Multiplexer.Message m = mux.receiveAny();
                CborReader r = new CborReader(m.bytes());
                r.readArrayHeader();
                long tag = r.readUnsigned();
                if (m.protocol() == 0) {
                    r.readMapHeader();
                    long best = -1;
                    CborSpan data = null;
                    while (r.remaining() > 0) {
                        long v = r.readUnsigned();
                        CborSpan d = r.readRaw();
                        if (v > best) {
                            best = v;
                            data = d;
                        }
                    }
                    mux.send(0, new CborWriter().array(3).unsigned(1).unsigned(best).raw(data.bytes()).toByteArray());
                } else if (m.protocol() == 5 && tag == 4) {
                    next = 0;
                    rollBackPending = true;
                    mux.send(5, new CborWriter().array(3).unsigned(5).array(0).raw(tip).toByteArray());
                } else if (m.protocol() == 5 && tag == 0) {
                    if (rollBackPending) {
                        rollBackPending = false;
                        mux.send(5, Point.ORIGIN.write(new CborWriter().array(3).unsigned(3)).raw(tip).toByteArray());
                    } else if (next < rollForwards.size()) mux.send(5, rollForwards.get(next++));
                    else mux.send(5, new CborWriter().array(1).unsigned(1).toByteArray());
                } else return;
            }
        } catch (OuroborosException e) {
            // client gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
