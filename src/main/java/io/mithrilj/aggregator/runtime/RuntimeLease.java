package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.persistence.SchemaMigrator;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Which replica runs the runtime when several {@code serve} processes share one PostgreSQL: the holder of a
 * session-level advisory lock, kept on one dedicated JDBC connection outside the reactive pool (a pooled connection
 * would go back to the pool, and the lock with it). When the holder dies its session ends, PostgreSQL releases the
 * lock, and the next replica to ask takes it over. Never throws: an unreachable database means "not holding".
 */
@ApplicationScoped
public class RuntimeLease {
    private static final Logger LOG = Logger.getLogger(RuntimeLease.class);
    /** How often a held lease checks that its connection is alive. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
    /** The lock key: the first 8 bytes of SHA-256 of a fixed name. */
    static final long KEY = key("mithril-aggregator runtime");

    private final Optional<String> reactiveUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private Connection connection;
    private Instant heldSince;
    private Instant lastCheck = Instant.EPOCH;
    private boolean outage;

    RuntimeLease(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.reactiveUrl = reactiveUrl;
        this.user = user;
        this.password = password;
    }

    /** Whether this replica runs the runtime now: takes the lease when free, checks it is still held otherwise. */
    public synchronized boolean holds() {
        try {
            if (connection != null) {
                if (Duration.between(lastCheck, Instant.now()).compareTo(CHECK_INTERVAL) < 0) return true;
                try (Statement s = connection.createStatement()) {
                    s.setQueryTimeout(5);
                    s.execute("select 1");
                    lastCheck = Instant.now();
                    return true;
                } catch (SQLException e) {
                    LOG.warnf("lost the runtime lease (its database connection failed: %s)", e.getMessage());
                    closeQuietly();
                }
            }
            Connection c = connect();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
                r.next();
                if (!r.getBoolean(1)) {
                    c.close();
                    outage = false;
                    return false;
                }
            }
            connection = c;
            heldSince = Instant.now();
            lastCheck = heldSince;
            if (outage) LOG.info("database reachable again");
            outage = false;
            LOG.info("this replica runs the runtime cycle (runtime lease taken)");
            return true;
        } catch (SQLException | RuntimeException e) {
            if (!outage) LOG.warnf("cannot take the runtime lease, the database is unreachable: %s", e.getMessage());
            outage = true;
            closeQuietly();
            return false;
        }
    }

    /** Since when this replica holds the lease, if it does. */
    public synchronized Optional<Instant> heldSince() {
        return connection == null ? Optional.empty() : Optional.ofNullable(heldSince);
    }

    /** Gives the lease up (the session ends, the lock with it). */
    public synchronized void release() {
        if (connection != null) LOG.info("runtime lease released");
        closeQuietly();
    }

    void stop(@Observes ShutdownEvent event) {
        release();
    }

    private Connection connect() throws SQLException {
        String url = reactiveUrl.orElseThrow(() -> new IllegalStateException("no database configured"));
        Properties credentials = new Properties();
        credentials.setProperty("user", user.orElse(EmbeddedDatabase.USER));
        credentials.setProperty("password", password.orElse(""));
        credentials.setProperty("ApplicationName", "mithril-aggregator runtime lease");
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(SchemaMigrator.jdbcUrlOf(url), credentials);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session is gone either way
            }
        }
        connection = null;
        heldSince = null;
    }

    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.US_ASCII));
            long k = 0;
            for (int i = 0; i < 8; i++) k = (k << 8) | (digest[i] & 0xff);
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
