package io.mithrilj.aggregator.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A JDK HttpServer on 127.0.0.1 serving certificates like an upstream aggregator. */
final class FakeAggregator implements AutoCloseable {
    /** path -> forced response (status, body); checked before the normal routes. */
    final Map<String, Object[]> overrides = new ConcurrentHashMap<>();

    final Map<String, String> certificates = new ConcurrentHashMap<>();
    final List<String> apiVersions = new CopyOnWriteArrayList<>();
    volatile String list;
    volatile long delayMillis;
    private final HttpServer server;

    FakeAggregator() throws IOException {
        certificates.putAll(Fixtures.certificates());
        list = Files.readString(UpstreamReference.fakeData("certificates-list.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/aggregator/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/aggregator";
    }

    private void handle(HttpExchange ex) throws IOException {
        apiVersions.add(String.valueOf(ex.getRequestHeaders().getFirst("mithril-api-version")));
        String path = ex.getRequestURI().getPath().substring("/aggregator".length());
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Object[] forced = overrides.get(path);
        if (forced != null) {
            respond(ex, (Integer) forced[0], (String) forced[1]);
        } else if (path.equals("/certificates")) {
            respond(ex, 200, list);
        } else if (path.startsWith("/certificate/") && certificates.containsKey(path.substring(13))) {
            respond(ex, 200, certificates.get(path.substring(13)));
        } else {
            respond(ex, 404, "");
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        try {
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            }
        } catch (IOException closedByClient) {
            // the client gave up (timeout test)
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
