package io.mithrilj.aggregator.cardano.ouroboros;

import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Ouroboros multiplexer over one Unix-domain socket (pallas {@code Plexer}, Ouroboros network spec
 * "mux"): every write is a segment {@code u32 time ‖ u16 mode|protocol ‖ u16 length ‖ payload}; a message
 * is one CBOR item that may span segments, so each protocol has its own reassembly buffer and a message is
 * handed out once the buffer holds a complete item.
 *
 * <p>Blocking and single-threaded by design: mini-protocols are request/response with one side having
 * agency, so the caller that awaits a reply is the one reading; segments of other protocols read meanwhile
 * are kept for them. Every read has a deadline ({@link OuroborosException.TimedOut}). Not thread-safe.
 */
public final class Multiplexer implements Closeable {

    /** The largest payload of one segment (16-bit length). */
    public static final int MAX_SEGMENT_PAYLOAD = 0xffff;

    /** A message larger than this is refused: real ones (a block, 3,000 pools' stakes) are far smaller. */
    public static final int MAX_MESSAGE_BYTES = 64 << 20;

    private static final int RESPONDER_BIT = 0x8000;

    private final SocketChannel channel;
    private final Selector selector;
    private final String peer;
    private final boolean initiator;
    private final Duration timeout;
    private final long startNanos = System.nanoTime();
    private final Map<Integer, Reassembly> buffers = new HashMap<>();
    private final ByteBuffer header = ByteBuffer.allocate(8);
    private final ByteBuffer inbound = ByteBuffer.allocate(128 * 1024).flip();

    private Multiplexer(SocketChannel channel, String peer, boolean initiator, Duration timeout) throws IOException {
        this.channel = channel;
        this.peer = peer;
        this.initiator = initiator;
        this.timeout = timeout;
        channel.configureBlocking(false);
        this.selector = Selector.open();
    }

    /** Connects to a node's socket as the initiator (client). */
    public static Multiplexer connect(Path socketPath, Duration timeout) {
        String peer = socketPath.toString();
        if (!Files.exists(socketPath)) throw new OuroborosException.SocketMissing("no socket file at " + peer, null);
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(socketPath));
            return new Multiplexer(ch, peer, true, timeout);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new OuroborosException.SocketMissing("cannot connect to " + peer + ": " + e.getMessage(), e);
        }
    }

    /** Wraps an accepted connection as the responder (server side: test doubles, a DMQ fake). */
    public static Multiplexer accepted(SocketChannel channel, Duration timeout) {
        try {
            return new Multiplexer(channel, "client", false, timeout);
        } catch (IOException e) {
            throw new OuroborosException.ConnectionLost("cannot use the accepted connection: " + e.getMessage(), e);
        }
    }

    public String peer() {
        return peer;
    }

    /** Sends one message on a mini-protocol, split into segments of at most 65,535 bytes. */
    public void send(int protocol, byte[] message) {
        if (protocol < 0 || protocol >= RESPONDER_BIT) throw new IllegalArgumentException("protocol " + protocol);
        int mode = initiator ? 0 : RESPONDER_BIT;
        int offset = 0;
        do {
            int n = Math.min(MAX_SEGMENT_PAYLOAD, message.length - offset);
            ByteBuffer segment = ByteBuffer.allocate(8 + n);
            segment.putInt((int) ((System.nanoTime() - startNanos) / 1000));
            segment.putShort((short) (mode | protocol));
            segment.putShort((short) n);
            segment.put(message, offset, n);
            segment.flip();
            writeFully(segment);
            offset += n;
        } while (offset < message.length);
    }

    /** Receives the next complete message of a mini-protocol, reading (and keeping) other protocols' segments. */
    public byte[] receive(int protocol) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reassembly mine = buffers.computeIfAbsent(protocol, p -> new Reassembly());
        while (true) {
            byte[] message = mine.takeMessage(protocol);
            if (message != null) return message;
            readSegment(deadline);
        }
    }

    /** A message and the mini-protocol it came on. */
    public record Message(int protocol, byte[] bytes) {}

    /** The next complete message of any mini-protocol (the responder's loop: test doubles, a DMQ fake). */
    public Message receiveAny() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (var e : buffers.entrySet()) {
                byte[] message = e.getValue().takeMessage(e.getKey());
                if (message != null) return new Message(e.getKey(), message);
            }
            readSegment(deadline);
        }
    }

    private void readSegment(long deadline) {
        header.clear();
        readFully(header, deadline);
        header.flip();
        header.getInt(); // transmission time: informative only
        int modeAndProtocol = header.getShort() & 0xffff;
        int length = header.getShort() & 0xffff;
        boolean fromResponder = (modeAndProtocol & RESPONDER_BIT) != 0;
        if (fromResponder == !initiator)
            throw new OuroborosException.ProtocolViolation(
                    peer + " sent a segment with our own mode bit (protocol word 0x"
                            + Integer.toHexString(modeAndProtocol) + ")",
                    null);
        int protocol = modeAndProtocol & ~RESPONDER_BIT;
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, deadline);
        buffers.computeIfAbsent(protocol, p -> new Reassembly()).append(payload.array(), protocol);
    }

    /** Fills {@code buf} from what was already read, then from the socket in large reads (one syscall serves many segments). */
    private void readFully(ByteBuffer buf, long deadline) {
        try {
            while (buf.hasRemaining()) {
                if (!inbound.hasRemaining()) {
                    inbound.clear();
                    int n = channel.read(inbound);
                    inbound.flip();
                    if (n < 0) throw new OuroborosException.ConnectionLost(peer + " closed the connection", null);
                    if (n == 0) {
                        await(SelectionKey.OP_READ, deadline);
                        continue;
                    }
                }
                int take = Math.min(buf.remaining(), inbound.remaining());
                buf.put(buf.position(), inbound, inbound.position(), take);
                buf.position(buf.position() + take);
                inbound.position(inbound.position() + take);
            }
        } catch (IOException e) {
            throw new OuroborosException.ConnectionLost("reading from " + peer + " failed: " + e.getMessage(), e);
        }
    }

    private void writeFully(ByteBuffer buf) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (buf.hasRemaining()) {
                if (channel.write(buf) == 0) await(SelectionKey.OP_WRITE, deadline);
            }
        } catch (IOException e) {
            throw new OuroborosException.ConnectionLost("writing to " + peer + " failed: " + e.getMessage(), e);
        }
    }

    private void await(int op, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new OuroborosException.TimedOut("no answer from " + peer + " within " + timeout);
        SelectionKey key = channel.register(selector, op);
        try {
            selector.select(Math.max(1, left / 1_000_000));
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }

    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(channel);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing left to do
        }
    }

    /** One protocol's bytes received but not yet handed out as messages. */
    private final class Reassembly {
        private byte[] data = new byte[0];
        private int length;

        void append(byte[] payload, int protocol) {
            if ((long) length + payload.length > MAX_MESSAGE_BYTES)
                throw new OuroborosException.ProtocolViolation(
                        peer + " sent a message of more than " + MAX_MESSAGE_BYTES + " bytes on protocol " + protocol,
                        null);
            if (length + payload.length > data.length)
                data = Arrays.copyOf(data, Math.max(length + payload.length, data.length * 2));
            System.arraycopy(payload, 0, data, length, payload.length);
            length += payload.length;
        }

        /** The first complete CBOR item, removed from the buffer; null while it is incomplete. */
        byte[] takeMessage(int protocol) {
            if (length == 0) return null;
            int end;
            try {
                CborReader reader = new CborReader(data, 0, length);
                reader.skip();
                end = reader.position();
            } catch (CborException e) {
                if (e.kind() == CborException.Kind.TRUNCATED) return null;
                throw new OuroborosException.ProtocolViolation(
                        peer + " sent bytes that are not CBOR on protocol " + protocol + ": " + e.getMessage(), e);
            }
            byte[] message = Arrays.copyOf(data, end);
            System.arraycopy(data, end, data, 0, length - end);
            length -= end;
            return message;
        }
    }
}
