package io.mithrilj.aggregator.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location given as {@code postgresql://user:password@host:port/database[?params]}. The
 * password is kept out of {@link #toString()}.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String query) {

    public static DatabaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "is not a URL of the form postgresql://user:password@host:port/database");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new IllegalArgumentException(
                    "must start with postgresql:// (form postgresql://user:password@host:port/database)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("has no host (form postgresql://user:password@host:port/database)");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException(
                    "has no database name (form postgresql://user:password@host:port/database)");
        }
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, database, user, password, uri.getRawQuery());
    }

    /** The URL of the Vert.x reactive client (no credentials: they are given separately). */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return "postgresql://" + user + ":***@" + host + ":" + port + "/" + database;
    }
}
