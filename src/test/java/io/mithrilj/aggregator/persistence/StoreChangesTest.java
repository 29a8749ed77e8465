package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LISTEN connection behind the read caches, against a real PostgreSQL reached through a {@link TcpGate}:
 * a killed backend or a database not reachable turns caching off at once (reads are fresh, never cached), and
 * caching resumes when the connection is back. Writes are made over plain JDBC, so that this process learns of
 * them only through PostgreSQL's notifications.
 */
class StoreChangesTest {

    private static final Duration T = Duration.ofSeconds(10);

    private static DatabaseMigrations.JdbcTarget target;
    private static int databasePort;
    private static Vertx vertx;

    private TcpGate gate;
    private StoreChanges changes;
    private Connection jdbc;
    private final String prefix = "sc-" + UUID.randomUUID() + "-";
    private final AtomicInteger loads = new AtomicInteger();

    @BeforeAll
    static void database() {
        EmbeddedDatabase database = EmbeddedPostgresTestResource.database();
        target = database.jdbcTarget();
        databasePort = database.port();
        DatabaseMigrations.migrate(target);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void connect() throws SQLException {
        jdbc = DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (changes != null) changes.stop(null);
        if (gate != null) gate.close();
        try (Statement s = jdbc.createStatement()) {
            s.executeUpdate("delete from certificate where certificate_id like '" + prefix + "%'");
        }
        jdbc.close();
    }

    private StoreChanges listenThrough(TcpGate gate) {
        StoreChanges c = new StoreChanges(
                vertx,
                Optional.of("postgresql://127.0.0.1:" + gate.port() + "/" + EmbeddedDatabase.DATABASE),
                Optional.of(target.user()),
                Optional.of(target.password()));
        c.start(null);
        return c;
    }

    /** Rows of this test, counted over JDBC; each call is one load. */
    private Uni<Optional<String>> countRows() {
        return Uni.createFrom().item(() -> {
            loads.incrementAndGet();
            try (Statement s = jdbc.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select count(*) from certificate where certificate_id like '" + prefix + "%'")) {
                rs.next();
                return Optional.of(Long.toString(rs.getLong(1)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String read(ReadCache cache) {
        return new String(cache.get("count", this::countRows).await().atMost(T).orElseThrow());
    }

    private void insertRow(int n) throws SQLException {
        try (Statement s = jdbc.createStatement()) {
            s.executeUpdate("""
                    insert into certificate (certificate_id, epoch, signed_entity_type_id, signed_entity_beacon, is_genesis,
                        sealed_at, sealed_at_nanos, message, list_item)
                    values ('%s%d', 1, 0, '1', false, '2030-01-01T00:00:00Z', 0, '{}', '{}')""".formatted(prefix, n));
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + " not reached within " + within);
            Thread.sleep(10);
        }
    }

    /** The first read loads, the second is served from the cache. */
    private void assertCaching(ReadCache cache, String expected) {
        assertThat(read(cache)).isEqualTo(expected);
        int before = loads.get();
        assertThat(read(cache)).isEqualTo(expected);
        assertThat(loads.get()).as("second read served from the cache").isEqualTo(before);
    }

    @Test
    void aKilledListenBackendNeverLeavesAStaleValueServed() throws Exception {
        gate = new TcpGate(databasePort, true);
        changes = listenThrough(gate);
        await("LISTEN connection up", changes::live, T);
        ReadCache cache = new ReadCache(changes, 1 << 20);
        assertCaching(cache, "0");

        gate.open(false); // the listener cannot come back for now
        List<Integer> ports = gate.upstreamPorts();
        try (Statement s = jdbc.createStatement()) {
            for (int port : ports) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where client_port = " + port);
            }
        }
        await("backend gone", () -> backendsOn(ports) == 0, T);
        insertRow(1); // another connection: this process is not told

        // the loss is seen asynchronously (a few ms); then every read is fresh
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        String value = read(cache);
        while (!value.equals("1") && System.nanoTime() < deadline) {
            Thread.sleep(10);
            value = read(cache);
        }
        assertThat(value)
                .as("read after the LISTEN backend was killed and another connection wrote")
                .isEqualTo("1");
        assertThat(changes.live()).as("caching off while the listener is down").isFalse();
        int before = loads.get();
        for (int i = 0; i < 5; i++) assertThat(read(cache)).isEqualTo("1");
        assertThat(loads.get()).as("while down every read loads").isEqualTo(before + 5);

        gate.open(true);
        await("LISTEN connection back", changes::live, T);
        insertRow(2);
        await("notification of the new write", () -> read(cache).equals("2"), T);
        assertCaching(cache, "2");
    }

    @Test
    void aFailedFirstConnectIsRetriedAndCachingResumes() throws Exception {
        gate = new TcpGate(databasePort, false); // the database is not reachable yet
        changes = listenThrough(gate);
        Thread.sleep(300);
        assertThat(changes.live()).isFalse();
        ReadCache cache = new ReadCache(changes, 1 << 20);
        for (int i = 0; i < 3; i++) assertThat(read(cache)).isEqualTo("0");
        assertThat(loads.get())
                .as("nothing cached while notifications are down")
                .isEqualTo(3);

        gate.open(true);
        await("LISTEN connection after a failed first connect", changes::live, T);
        assertCaching(cache, "0");
        insertRow(1);
        await("notification of a write", () -> read(cache).equals("1"), T);
        assertCaching(cache, "1");
    }

    private int backendsOn(List<Integer> ports) {
        int n = 0;
        try (Statement s = jdbc.createStatement()) {
            for (int port : ports) {
                try (ResultSet rs =
                        s.executeQuery("select count(*) from pg_stat_activity where client_port = " + port)) {
                    rs.next();
                    n += rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }
}
