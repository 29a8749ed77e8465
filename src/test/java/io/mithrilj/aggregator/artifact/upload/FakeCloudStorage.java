package io.mithrilj.aggregator.artifact.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-test double of the Cloud Storage JSON API and of Google's OAuth token endpoint, on the JDK's HTTP server:
 * objects metadata (GET), simple / multipart / resumable uploads, object ACL inserts. Every request is recorded
 * (method, raw path, query, content type, authorization) and uploads can be made to fail with a 503.
 */
final class FakeCloudStorage implements AutoCloseable {
    static final String ACCESS_TOKEN = "ya29.fake-access-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OBJECT = Pattern.compile("/storage/v1/b/([^/]+)/o/([^/]+)");
    private static final Pattern ACL = Pattern.compile("/storage/v1/b/([^/]+)/o/([^/]+)/acl");
    private static final Pattern UPLOAD = Pattern.compile("/upload/storage/v1/b/([^/]+)/o");

    record Request(String method, String rawPath, String query, String contentType, String authorization, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An object as uploaded: its metadata JSON and content. */
    record StoredObject(String name, String contentType, byte[] content) {}

    private final HttpServer server;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    /** Upload requests still to answer with a 503. */
    final AtomicInteger failingUploads = new AtomicInteger();
    /** ACL inserts still to answer with a 503. */
    final AtomicInteger failingAcls = new AtomicInteger();

    private final Map<String, ByteArrayOutputStream> sessions = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> sessionMetadata = new ConcurrentHashMap<>();
    private final AtomicInteger sessionIds = new AtomicInteger();

    FakeCloudStorage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String host() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUri() {
        return host() + "/token";
    }

    List<Request> requests(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.rawPath().startsWith(pathPrefix))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            serve(ex);
        } catch (IOException | RuntimeException e) {
            // the JDK's server would only close the connection: tell the test what broke
            e.printStackTrace();
            throw e;
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            // Google's HTTP client gzips JSON request bodies
            if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery() == null
                    ? ""
                    : ex.getRequestURI().getRawQuery();
            requests.add(new Request(
                    ex.getRequestMethod(),
                    path,
                    query,
                    ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestHeaders().getFirst("Authorization"),
                    body));
            String method = ex.getRequestMethod();
            Matcher m;
            if (path.equals("/token") && method.equals("POST")) {
                tokenRequests.add(new String(body, StandardCharsets.UTF_8));
                json(
                        ex,
                        200,
                        "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
            } else if ((m = ACL.matcher(path)).matches() && method.equals("POST")) {
                if (failingAcls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    json(ex, 503, error(503, "Service Unavailable"));
                    return;
                }
                JsonNode acl = JSON.readTree(body);
                json(
                        ex,
                        200,
                        JSON.createObjectNode()
                                .put("kind", "storage#objectAccessControl")
                                .put("bucket", m.group(1))
                                .put("object", decode(m.group(2)))
                                .put("entity", acl.path("entity").asText())
                                .put("role", acl.path("role").asText())
                                .toString());
            } else if ((m = OBJECT.matcher(path)).matches() && method.equals("GET")) {
                StoredObject o = objects.get(decode(m.group(2)));
                if (o == null) json(ex, 404, error(404, "No such object: " + m.group(1) + "/" + decode(m.group(2))));
                else json(ex, 200, metadata(m.group(1), o));
            } else if ((m = UPLOAD.matcher(path)).matches() && method.equals("POST")) {
                if (failingUploads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    json(ex, 503, error(503, "Service Unavailable"));
                    return;
                }
                upload(ex, m.group(1), query, body);
            } else if ((m = UPLOAD.matcher(path)).matches() && method.equals("PUT")) {
                resumableChunk(ex, m.group(1), query, body);
            } else {
                json(ex, 404, error(404, "Not found in the double: " + method + " " + path));
            }
        }
    }

    private void upload(HttpExchange ex, String bucket, String query, byte[] body) throws IOException {
        String type = param(query, "uploadType");
        switch (type) {
            case "multipart" -> {
                String contentType = ex.getRequestHeaders().getFirst("Content-Type");
                String boundary = contentType
                        .substring(contentType.indexOf("boundary=") + 9)
                        .replace("\"", "");
                List<byte[]> parts = multipart(body, boundary);
                JsonNode meta = JSON.readTree(partBody(parts.get(0)));
                byte[] content = partBody(parts.get(1));
                StoredObject o = new StoredObject(
                        meta.path("name").asText(), meta.path("contentType").asText(), content);
                objects.put(o.name(), o);
                json(ex, 200, metadata(bucket, o));
            }
            case "media" -> {
                StoredObject o = new StoredObject(
                        decode(param(query, "name")), ex.getRequestHeaders().getFirst("Content-Type"), body);
                objects.put(o.name(), o);
                json(ex, 200, metadata(bucket, o));
            }
            case "resumable" -> {
                String id = "s" + sessionIds.incrementAndGet();
                sessions.put(id, new ByteArrayOutputStream());
                sessionMetadata.put(id, JSON.readTree(body));
                ex.getResponseHeaders()
                        .add(
                                "Location",
                                host() + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id);
                ex.sendResponseHeaders(200, -1);
            }
            default -> json(ex, 400, error(400, "unknown uploadType " + type));
        }
    }

    private void resumableChunk(HttpExchange ex, String bucket, String query, byte[] body) throws IOException {
        String id = param(query, "upload_id");
        ByteArrayOutputStream received = sessions.get(id);
        if (received == null) {
            json(ex, 404, error(404, "no session " + id));
            return;
        }
        received.write(body);
        String range = ex.getRequestHeaders().getFirst("Content-Range");
        String total = range == null ? "*" : range.substring(range.indexOf('/') + 1);
        if (!total.equals("*") && Long.parseLong(total) == received.size()) {
            JsonNode meta = sessionMetadata.get(id);
            StoredObject o = new StoredObject(
                    meta.path("name").asText(), meta.path("contentType").asText(), received.toByteArray());
            objects.put(o.name(), o);
            json(ex, 200, metadata(bucket, o));
        } else {
            if (received.size() > 0) ex.getResponseHeaders().add("Range", "bytes=0-" + (received.size() - 1));
            ex.sendResponseHeaders(308, -1);
        }
    }

    private static String metadata(String bucket, StoredObject o) {
        return JSON.createObjectNode()
                .put("kind", "storage#object")
                .put("id", bucket + "/" + o.name() + "/1")
                .put("name", o.name())
                .put("bucket", bucket)
                .put("generation", "1")
                .put("metageneration", "1")
                .put("contentType", o.contentType())
                .put("size", Integer.toString(o.content().length))
                .toString();
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\"" + message
                + "\",\"reason\":\"backendError\"}]}}";
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) return pair.substring(eq + 1);
        }
        return "";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The parts of a multipart body, each with its headers. */
    private static List<byte[]> multipart(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new java.util.ArrayList<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int from = start + delimiter.length;
            if (from + 1 < body.length && body[from] == '-' && body[from + 1] == '-') break;
            from += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, from);
            if (next < 0) break;
            parts.add(java.util.Arrays.copyOfRange(body, from, next - 2)); // CRLF before the next delimiter
            start = next;
        }
        return parts;
    }

    private static byte[] partBody(byte[] part) {
        byte[] separator = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(part, separator, 0);
        return java.util.Arrays.copyOfRange(part, at + 4, part.length);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }
}
