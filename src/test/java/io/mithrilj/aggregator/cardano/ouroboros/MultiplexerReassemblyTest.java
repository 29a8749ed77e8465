package io.mithrilj.aggregator.cardano.ouroboros;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever way two protocols' messages are cut into segments and interleaved, each protocol gets its messages back. */
class MultiplexerReassemblyTest {

    @Property(tries = 40)
    void randomSegmentationGivesBackEveryMessageInOrder(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int maxCut) throws IOException {
        Random random = new Random(seed);
        List<List<byte[]>> messages = List.of(new ArrayList<>(), new ArrayList<>());
        for (int p = 0; p < 2; p++)
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                byte[] body = new byte[random.nextInt(700)];
                random.nextBytes(body);
                messages.get(p)
                        .add(new CborWriter().array(2).unsigned(i).bytes(body).toByteArray());
            }
        // each protocol's byte stream, cut at random points; segments of the two protocols interleaved at random
        List<byte[]> segments = new ArrayList<>();
        byte[][] streams = {concat(messages.get(0)), concat(messages.get(1))};
        int[] at = {0, 0};
        while (at[0] < streams[0].length || at[1] < streams[1].length) {
            int p = at[0] >= streams[0].length ? 1 : at[1] >= streams[1].length ? 0 : random.nextInt(2);
            int n = Math.min(1 + random.nextInt(maxCut), streams[p].length - at[p]);
            segments.add(segment(p == 0 ? 0x8005 : 0x8007, Arrays.copyOfRange(streams[p], at[p], at[p] + n)));
            at[p] += n;
        }
        Path dir = Files.createTempDirectory("mux");
        Path socket = dir.resolve("s");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            try (Multiplexer client = Multiplexer.connect(socket, Duration.ofSeconds(5));
                    SocketChannel raw = server.accept()) {
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        for (byte[] s : segments) {
                            ByteBuffer b = ByteBuffer.wrap(s);
                            while (b.hasRemaining()) raw.write(b);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                // read protocol 7 first: protocol 5's segments read meanwhile must be kept for it
                for (byte[] m : messages.get(1)) assertThat(client.receive(7)).isEqualTo(m);
                for (byte[] m : messages.get(0)) assertThat(client.receive(5)).isEqualTo(m);
                writer.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        parts.forEach(b::put);
        return b.array();
    }

    static byte[] segment(int modeAndProtocol, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putInt(0)
                .putShort((short) modeAndProtocol)
                .putShort((short) payload.length)
                .put(payload)
                .array();
    }
}
