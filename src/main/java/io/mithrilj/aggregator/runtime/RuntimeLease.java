package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.persistence.DatabaseMigrations.JdbcTarget;
import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.persistence.SchemaMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The right of this replica to run the runtime cycle (upstream runs exactly one aggregator runtime per
 * database): a session-level PostgreSQL advisory lock, held on one JDBC connection of its own.
 *
 * <p>Plain JDBC rather than the reactive pool: a session lock lives as long as its backend session, and a
 * pooled connection would be handed back (and its lock with it) or shared by other queries; one
 * {@link Connection} owned here is exactly one session. When the holder dies, or its connection is cut,
 * PostgreSQL ends the session and frees the lock, so another replica takes it at its next {@link #holds()}.
 */
@ApplicationScoped
public class RuntimeLease {

    private static final Logger LOG = Logger.getLogger(RuntimeLease.class);

    /** The name the lock key is derived from; every replica derives the same key. */
    public static final String LOCK_NAME = "mithril-aggregator runtime";

    /** The advisory lock key: the first 8 bytes of SHA-256 of {@link #LOCK_NAME}, big-endian. */
    public static final long LOCK_KEY = keyOf(LOCK_NAME);

    /** How long a held lease is trusted without asking the server whether its connection is alive. */
    public static final Duration CHECK_INTERVAL = Duration.ofSeconds(5);

    // short timeouts: holds() runs at the start of every cycle and must not hang on a dead network
    private static final int CONNECT_TIMEOUT_SECONDS = 3;
    private static final int SOCKET_TIMEOUT_SECONDS = 5;

    private final Supplier<Optional<JdbcTarget>> target;
    private final Clock clock;

    private Connection connection;
    private Instant heldSince;
    private Instant lastCheck;
    private boolean outage;

    /** The lease on the application's database (DATABASE_URL or the embedded PostgreSQL). */
    @Inject
    RuntimeLease(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this(
                () -> reactiveUrl.map(url -> new JdbcTarget(
                        SchemaMigrator.jdbcUrlOf(url), user.orElse(EmbeddedDatabase.USER), password.orElse(""))),
                Clock.systemUTC());
    }

    /** A lease on a given database, timed by a given clock (tests). */
    public RuntimeLease(JdbcTarget target, Clock clock) {
        this(() -> Optional.of(target), clock);
    }

    private RuntimeLease(Supplier<Optional<JdbcTarget>> target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    /**
     * Whether this process runs the runtime cycle now: takes the lock when free (never waits), checks a held
     * lock's connection at most every {@link #CHECK_INTERVAL}. Never throws; a database that cannot be reached
     * means {@code false}.
     */
    public synchronized boolean holds() {
        Instant now = clock.instant();
        if (heldSince != null) {
            if (lastCheck != null && Duration.between(lastCheck, now).compareTo(CHECK_INTERVAL) < 0) return true;
            if (alive()) {
                lastCheck = now;
                return true;
            }
            LOG.warn("Runtime lease lost: its database connection is gone; another replica may run the runtime"
                    + " cycle now");
            dropConnection();
        }
        return tryAcquire(now);
    }

    /** Since when this process runs the runtime cycle, if it does. */
    public synchronized Optional<Instant> heldSince() {
        return Optional.ofNullable(heldSince);
    }

    /** Give the lock back (shutdown): another replica takes it at its next {@link #holds()}. */
    @PreDestroy
    public synchronized void release() {
        if (connection == null) return;
        boolean held = heldSince != null;
        if (held) {
            try (Statement s = connection.createStatement()) {
                s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            } catch (SQLException e) {
                // closing the session below frees the lock anyway
                LOG.debugf("unlocking the runtime lease: %s", e.getMessage());
            }
        }
        dropConnection();
        if (held) LOG.info("Runtime lease released: this replica no longer runs the runtime cycle");
    }

    private boolean tryAcquire(Instant now) {
        // one retry: a kept standby connection may have died since the last try
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (connection == null) {
                    Optional<JdbcTarget> where = target.get();
                    if (where.isEmpty()) return unreachable("no database configured");
                    connection = open(where.get());
                }
                boolean taken;
                try (Statement s = connection.createStatement();
                        ResultSet r = s.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                    taken = r.next() && r.getBoolean(1);
                }
                if (outage) {
                    outage = false;
                    LOG.info("Runtime lease: the database answers again");
                }
                if (taken) {
                    heldSince = now;
                    lastCheck = now;
                    LOG.info("Runtime lease acquired: this replica runs the runtime cycle");
                }
                return taken;
            } catch (SQLException | RuntimeException e) {
                dropConnection();
                if (attempt == 1) return unreachable(e.getMessage());
            }
        }
        return false;
    }

    private boolean unreachable(String reason) {
        if (!outage) {
            outage = true;
            LOG.warnf(
                    "Runtime lease: cannot reach the database (%s); this replica does not run the runtime cycle"
                            + " until it answers",
                    reason);
        }
        return false;
    }

    private boolean alive() {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select 1")) {
            return r.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection open(JdbcTarget target) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "mithril-runtime-lease");
        Connection connection = DriverManager.getConnection(target.url(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private void dropConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session is gone either way
            }
        }
        connection = null;
        heldSince = null;
        lastCheck = null;
    }

    private static long keyOf(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
