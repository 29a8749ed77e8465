package io.mithrilj.aggregator.follower;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A leader aggregator on the JDK's HttpServer (127.0.0.1, port 0) under {@code /aggregator}, serving upstream's
 * fake-data fixtures, recording every request, and answering what a test scripts instead.
 */
final class FakeLeaderAggregator implements AutoCloseable {

    /** A request as the double received it. */
    record Seen(String method, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One answer to one request. */
    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    /** The epoch of {@link #PROTOCOL_CONFIGURATION}. */
    static final long PROTOCOL_CONFIGURATION_EPOCH = 18;

    /** The example of {@code ProtocolConfigurationMessage} in upstream's openapi.yaml. */
    static final String PROTOCOL_CONFIGURATION = "{\"protocol_parameters\":{\"k\":9,\"m\":77,\"phi_f\":0.5},"
            + "\"cardano_transactions_signing_config\":{\"security_parameter\":100,\"step\":10},"
            + "\"available_signed_entity_types\":"
            + "[\"MithrilStakeDistribution\",\"CardanoImmutableFilesFull\",\"CardanoTransactions\"]}";

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Map<String, String> certificates = new ConcurrentHashMap<>(Fixtures.certificates());
    final String genesisHash = fixtureGenesisHash();
    final String epochSettings = readFakeData("epoch-settings.json");
    volatile String list = readFakeData("certificates-list.json");

    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Reply> always = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    FakeLeaderAggregator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/aggregator/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/aggregator";
    }

    /** The next requests of {@code path} get these replies, in order; then the fixtures again. */
    void then(String path, Reply... replies) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(Arrays.asList(replies));
    }

    /** Every request of {@code path} gets this reply, until {@link #reset()}. */
    void always(String path, Reply reply) {
        always.put(path, reply);
    }

    /** Back to the fixtures. */
    void reset() {
        scripted.clear();
        always.clear();
    }

    List<Seen> seen(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    static Reply status(int status, String body) {
        return ex -> respond(ex, status, body);
    }

    static Reply slow(Duration pause, Reply reply) {
        return ex -> {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
                return;
            }
            reply.send(ex);
        };
    }

    /**
     * A body of {@code total} bytes written in 64 KiB chunks, never built whole; {@link #written} completes when the
     * handler stops, with the bytes it could write, and {@link #aborted} tells whether the client hung up first.
     */
    static final class Streamed implements Reply {
        final CompletableFuture<Long> written = new CompletableFuture<>();
        volatile boolean aborted;
        private final int status;
        private final long total;
        private final boolean declareLength;

        Streamed(int status, long total, boolean declareLength) {
            this.status = status;
            this.total = total;
            this.declareLength = declareLength;
        }

        @Override
        public void send(HttpExchange ex) {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            long count = 0;
            try {
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(status, declareLength ? total : 0);
                try (OutputStream os = ex.getResponseBody()) {
                    while (count < total) {
                        int n = (int) Math.min(chunk.length, total - count);
                        os.write(chunk, 0, n);
                        count += n;
                    }
                }
            } catch (IOException closedByClient) {
                aborted = true;
            } finally {
                ex.close();
                written.complete(count);
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/aggregator".length());
        seen.add(new Seen(ex.getRequestMethod(), path, Map.copyOf(ex.getRequestHeaders())));
        Reply reply = always.get(path);
        if (reply == null) {
            Deque<Reply> queue = scripted.get(path);
            reply = queue == null ? null : queue.poll();
        }
        if (reply == null) {
            reply = fixture(path);
        }
        reply.send(ex);
    }

    private Reply fixture(String path) {
        if (path.equals("/certificates")) {
            return status(200, list);
        }
        if (path.equals("/epoch-settings")) {
            return status(200, epochSettings);
        }
        if (path.equals("/protocol-configuration/" + PROTOCOL_CONFIGURATION_EPOCH)) {
            return status(200, PROTOCOL_CONFIGURATION);
        }
        if (path.equals("/certificate/genesis")) {
            return status(200, certificates.get(genesisHash));
        }
        if (path.startsWith("/certificate/") && certificates.containsKey(path.substring("/certificate/".length()))) {
            return status(200, certificates.get(path.substring("/certificate/".length())));
        }
        return status(404, "");
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
            // the client gave up (timeouts)
        } finally {
            ex.close();
        }
    }

    /** The fixture chain's genesis: the certificate with a genesis signature and no previous hash. */
    private static String fixtureGenesisHash() {
        List<String> found = Fixtures.json("certificates.json").properties().stream()
                .map(Map.Entry::getValue)
                .filter(c -> !text(c, "genesis_signature").isEmpty()
                        && text(c, "previous_hash").isEmpty())
                .map(c -> text(c, "hash"))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one genesis certificate in certificates.json, found " + found);
        }
        return found.getFirst();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String readFakeData(String file) {
        try {
            return Files.readString(UpstreamReference.fakeData(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
