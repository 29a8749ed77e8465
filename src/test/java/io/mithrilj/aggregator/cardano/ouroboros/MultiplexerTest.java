package io.mithrilj.aggregator.cardano.ouroboros;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.NodeDouble;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException.HandshakeRefused.Reason;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framing, segmenting, reassembly and the handshake, over a real Unix socket. */
class MultiplexerTest {

    static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    ServerSocketChannel server;
    Path socket;

    @BeforeEach
    void listen() throws IOException {
        socket = dir.resolve("s.socket");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    static byte[] segment(int modeAndProtocol, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(0)
                .putShort((short) modeAndProtocol)
                .putShort((short) payload.length)
                .put(payload)
                .array();
    }

    static void write(SocketChannel ch, byte[]... segments) throws IOException {
        for (byte[] s : segments) {
            ByteBuffer b = ByteBuffer.wrap(s);
            while (b.hasRemaining()) ch.write(b);
        }
    }

    @Test
    void aLargeMessageIsSplitIntoSegmentsAndReassembled() throws IOException {
        byte[] big = new byte[200_000];
        new Random(7).nextBytes(big);
        byte[] message = new CborWriter().array(2).unsigned(4).bytes(big).toByteArray();
        try (Multiplexer client = Multiplexer.connect(socket, Duration.ofSeconds(5));
                Multiplexer peer = Multiplexer.accepted(server.accept(), Duration.ofSeconds(5))) {
            client.send(7, message);
            Multiplexer.Message got = peer.receiveAny();
            assertThat(got.protocol()).isEqualTo(7);
            assertThat(got.bytes()).isEqualTo(message);
            peer.send(7, message);
            assertThat(client.receive(7)).isEqualTo(message);
        }
    }

    @Test
    void interleavedSegmentsAndSeveralMessagesPerSegmentGoToTheirProtocols() throws IOException {
        byte[] a = new CborWriter().array(2).unsigned(4).bytes(new byte[100]).toByteArray();
        byte[] b = HEX.parseHex("8101");
        byte[] c = new CborWriter().array(1).text("chain-sync").toByteArray();
        try (Multiplexer client = Multiplexer.connect(socket, Duration.ofSeconds(5));
                SocketChannel raw = server.accept()) {
            byte[] bc = new byte[b.length + 5];
            System.arraycopy(b, 0, bc, 0, b.length);
            System.arraycopy(c, 0, bc, b.length, 5);
            write(
                    raw,
                    segment(0x8007, Arrays.copyOfRange(a, 0, 50)),
                    segment(0x8005, bc),
                    segment(0x8007, Arrays.copyOfRange(a, 50, a.length)),
                    segment(0x8005, Arrays.copyOfRange(c, 5, c.length)));
            assertThat(client.receive(5)).isEqualTo(b);
            assertThat(client.receive(7)).isEqualTo(a);
            assertThat(client.receive(5)).isEqualTo(c);
        }
    }

    @Test
    void segmentsWithTheWrongModeOrThatAreNotCborAreViolations() throws IOException {
        try (Multiplexer client = Multiplexer.connect(socket, Duration.ofSeconds(5));
                SocketChannel raw = server.accept()) {
            write(raw, segment(0x0007, HEX.parseHex("8101")));
            assertThatThrownBy(() -> client.receive(7))
                    .isInstanceOf(OuroborosException.ProtocolViolation.class)
                    .hasMessageContaining("own mode bit");
        }
        try (Multiplexer client = Multiplexer.connect(socket, Duration.ofSeconds(5));
                SocketChannel raw = server.accept()) {
            write(raw, segment(0x8007, HEX.parseHex("ff")));
            assertThatThrownBy(() -> client.receive(7))
                    .isInstanceOf(OuroborosException.ProtocolViolation.class)
                    .hasMessageContaining("not CBOR");
        }
    }

    @Test
    void aSilentPeerTimesOutAndAClosedOneIsConnectionLost() throws IOException {
        try (Multiplexer client = Multiplexer.connect(socket, Duration.ofMillis(200));
                SocketChannel raw = server.accept()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.receive(7)).isInstanceOf(OuroborosException.TimedOut.class);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150_000_000L);
            write(raw, segment(0x8007, HEX.parseHex("82")));
            raw.close();
            assertThatThrownBy(() -> client.receive(7))
                    .isInstanceOf(OuroborosException.ConnectionLost.class)
                    .hasMessageContaining("closed the connection");
        }
    }

    @Test
    void proposalsMatchTheSpecsBytes() {
        assertThat(HEX.formatHex(HandshakeVersions.nodeToClient(42).proposeMessage()))
                .isEqualTo("8200a719800a182a19800b182a19800c182a19800d182a19800e182a19800f82182af419801082182af4");
        CardanoNetwork devnet = CardanoNetwork.of("devnet", OptionalLong.empty());
        assertThat(HEX.formatHex(HandshakeVersions.dmq(devnet.dmqMagic()).proposeMessage()))
                .isEqualTo("8200a1191001821a8000002af4");
        assertThat(CardanoNetwork.of("mainnet", OptionalLong.of(3)).magic()).isEqualTo(764824073L);
        assertThat(CardanoNetwork.of("mainnet", OptionalLong.empty()).dmqMagic())
                .isEqualTo(2912307721L);
        assertThat(CardanoNetwork.of("private", OptionalLong.of(3)).magic()).isEqualTo(3);
        assertThatThrownBy(() -> CardanoNetwork.of("private", OptionalLong.empty()))
                .hasMessageContaining("NETWORK_MAGIC is required");
    }

    @Test
    void theNodeAcceptsItsHighestVersionAndRefusesForeignVersions() {
        try (NodeDouble node = NodeDouble.start(dir.resolve("."), 42)) {
            try (Multiplexer mux = Multiplexer.connect(node.socket(), Duration.ofSeconds(5))) {
                assertThat(Handshake.propose(mux, HandshakeVersions.nodeToClient(42)))
                        .isEqualTo(new Handshake.Accepted(32784, 42));
            }
            try (Multiplexer mux = Multiplexer.connect(node.socket(), Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> Handshake.propose(mux, HandshakeVersions.dmq(42)))
                        .isInstanceOfSatisfying(
                                OuroborosException.HandshakeRefused.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.VERSION_MISMATCH))
                        .hasMessageContaining("refused our versions [4097]");
            }
        }
    }

    @Test
    void anAcceptanceWithAnotherMagicIsWrongMagic() throws IOException {
        try (Multiplexer client = Multiplexer.connect(socket, Duration.ofSeconds(5));
                Multiplexer peer = Multiplexer.accepted(server.accept(), Duration.ofSeconds(5))) {
            peer.send(0, HEX.parseHex("8301198010" + "82182bf4")); // accept v16 with magic 43
            assertThatThrownBy(() -> Handshake.propose(client, HandshakeVersions.nodeToClient(42)))
                    .isInstanceOfSatisfying(
                            OuroborosException.HandshakeRefused.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_MAGIC))
                    .hasMessageContaining("network magic 43, expected 42");
        }
    }
}
