package io.mithrilj.aggregator.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A leader aggregator on the JDK's HttpServer (127.0.0.1, port 0) under {@code /aggregator}, serving a chain as the
 * follower reads it: {@code /certificates} (the 20 newest list items, newest first), {@code /certificate/genesis} and
 * {@code /certificate/{hash}}. The bodies are written with our {@link CertificateJson} writer before the server starts:
 * what is measured is the follower, not the double's encoding. (The tests' FakeLeaderAggregator is not on the
 * benchmark class path.)
 */
final class ChainLeaderDouble implements AutoCloseable {

    static {
        // The JDK server writes the headers, then the body: with Nagle's algorithm on, the end of each body waits
        // for the client's delayed ACK of the headers (40 ms on Linux), which no real leader costs (Vert.x sets
        // TCP_NODELAY, hyper writes headers and body together). Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String ROOT = "/aggregator/";
    private static final int LISTED = 20;

    private final Map<String, byte[]> certificates = new HashMap<>();
    private final byte[] list;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesServed = new AtomicLong();

    /** @param chain genesis first */
    ChainLeaderDouble(List<Certificate> chain) throws IOException {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            CertificateMessage message = CertificateMessage.fromCertificate(chain.get(i));
            certificates.put(message.hash(), CertificateJson.write(message).getBytes(StandardCharsets.UTF_8));
            if (i >= chain.size() - LISTED) {
                items.addFirst(CertificateJson.writeListItem(message));
            }
        }
        if (!chain.getFirst().isGenesis()) {
            throw new IllegalArgumentException("the chain must start with its genesis certificate");
        }
        certificates.put("genesis", certificates.get(chain.getFirst().hash()));
        list = ("[" + String.join(",", items) + "]").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(ROOT, this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/aggregator";
    }

    /** The body of {@code GET /certificate/{hash}}. */
    String certificateBody(String hash) {
        byte[] body = certificates.get(hash);
        if (body == null) throw new IllegalArgumentException("no certificate " + hash);
        return new String(body, StandardCharsets.UTF_8);
    }

    long requests() {
        return requests.get();
    }

    long bytesServed() {
        return bytesServed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath().substring(ROOT.length());
            byte[] body = null;
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "{\"message\":\"only GET\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("certificates")) {
                body = list;
            } else if (path.startsWith("certificate/")) {
                body = certificates.get(path.substring("certificate/".length()));
            }
            if (body == null) {
                respond(exchange, 404, new byte[0]);
            } else {
                respond(exchange, 200, body);
            }
        }
    }

    private void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // a known length: the connection is kept alive between requests
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        bytesServed.addAndGet(body.length);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
