package io.mithrilj.aggregator.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lean load client: HTTP/1.1 POSTs of request bytes encoded before the clock starts, over {@code connections}
 * kept-alive sockets, one virtual thread each. Its own CPU use is a small fraction of the JDK {@code HttpClient}'s
 * (which cost the 2-core machine as much CPU as PostgreSQL did while the signatures were posted): on one machine
 * with the service, what the client burns is taken from the service.
 */
final class RawHttpPoster {
    private final URI api;
    private final int connections;

    RawHttpPoster(URI api, int connections) {
        this.api = api;
        this.connections = connections;
    }

    /** The requests' bytes: {@code POST <api path><path>} with each JSON body. */
    List<byte[]> encode(String path, List<String> bodies) {
        String target = api.getPath() + path;
        String host = api.getHost() + ":" + api.getPort();
        List<byte[]> out = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + target + " HTTP/1.1\r\nHost: " + host
                            + "\r\n" + io.mithrilj.aggregator.protocol.json.ApiVersion.HEADER + ": "
                            + io.mithrilj.aggregator.protocol.json.ApiVersion.VERSION
                            + "\r\n" + io.mithrilj.aggregator.devnet.AggregatorClient.SIGNER_VERSION_HEADER + ": "
                            + io.mithrilj.aggregator.devnet.AggregatorClient.SIGNER_NODE_VERSION
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] r = new byte[head.length + b.length];
            System.arraycopy(head, 0, r, 0, head.length);
            System.arraycopy(b, 0, r, head.length, b.length);
            out.add(r);
        }
        return out;
    }

    /** Sends every request once; the number of responses by status code. */
    Map<Integer, Integer> send(List<byte[]> requests) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(api.getHost(), api.getPort()));
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        out.write(requests.get(i));
                        out.flush();
                        statuses.merge(readResponse(in), 1, Integer::sum);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        for (Thread t : threads) t.join();
        return statuses;
    }

    /** Reads one response (status line, headers, a Content-Length or chunked body); its status code. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).trim());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else {
            in.skipNBytes(length);
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed by the service");
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }
}
