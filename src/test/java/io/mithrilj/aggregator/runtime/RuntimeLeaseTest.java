package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.persistence.DatabaseMigrations.JdbcTarget;
import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas on one embedded PostgreSQL: exactly one holds the runtime lease, and it moves on death. */
class RuntimeLeaseTest {

    private static EmbeddedDatabase database;
    private final MovableClock clock = new MovableClock();
    private final List<RuntimeLease> leases = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        Files.createDirectories(Path.of("target"));
        database = EmbeddedDatabase.startIn(Files.createTempDirectory(Path.of("target"), "lease-stores-"));
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) database.close();
    }

    @AfterEach
    void releaseAll() {
        leases.forEach(RuntimeLease::release);
    }

    private RuntimeLease lease() {
        RuntimeLease lease = new RuntimeLease(database.jdbcTarget(), clock);
        leases.add(lease);
        return lease;
    }

    @Test
    void theKeyIsTheFirstEightBytesOfTheNamesSha256() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(RuntimeLease.LOCK_NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long expected = 0;
        for (int i = 0; i < 8; i++) expected = (expected << 8) | (digest[i] & 0xff);
        assertThat(RuntimeLease.LOCK_KEY).isEqualTo(expected);
    }

    @Test
    void oneOfTwoReplicasHoldsTheLease() {
        RuntimeLease first = lease();
        RuntimeLease second = lease();

        assertThat(first.holds()).isTrue();
        assertThat(first.heldSince()).contains(clock.instant());
        assertThat(second.holds()).isFalse();
        assertThat(second.heldSince()).isEmpty();
        // asking again changes nothing
        assertThat(first.holds()).isTrue();
        assertThat(second.holds()).isFalse();
    }

    @Test
    void theLeaseMovesWhenItsHoldersSessionIsTerminated() throws SQLException {
        RuntimeLease first = lease();
        RuntimeLease second = lease();
        assertThat(first.holds()).isTrue();
        assertThat(second.holds()).isFalse();

        assertThat(terminateLeaseHolder()).isEqualTo(1);

        assertThat(second.holds()).isTrue();
        // the first trusts its lease until the next liveness check, then finds its session gone
        clock.advance(RuntimeLease.CHECK_INTERVAL);
        assertThat(first.holds()).isFalse();
        assertThat(first.heldSince()).isEmpty();
        assertThat(first.holds()).isFalse();

        second.release();
        assertThat(second.heldSince()).isEmpty();
        assertThat(first.holds()).isTrue();
        assertThat(second.holds()).isFalse();
    }

    @Test
    void releasingHandsTheLeaseToTheOther() {
        RuntimeLease first = lease();
        RuntimeLease second = lease();
        assertThat(first.holds()).isTrue();
        assertThat(second.holds()).isFalse();

        first.release();

        assertThat(second.holds()).isTrue();
        assertThat(first.holds()).isFalse();
    }

    @Test
    void anUnreachableDatabaseMeansNoLeaseAndNoException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JdbcTarget nowhere = new JdbcTarget(
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/" + EmbeddedDatabase.DATABASE,
                EmbeddedDatabase.USER,
                "wrong");
        RuntimeLease lease = new RuntimeLease(nowhere, clock);
        leases.add(lease);

        assertThat(lease.holds()).isFalse();
        assertThat(lease.holds()).isFalse();
        assertThat(lease.heldSince()).isEmpty();
    }

    @Test
    void wrongCredentialsMeanNoLease() {
        JdbcTarget real = database.jdbcTarget();
        RuntimeLease lease = new RuntimeLease(new JdbcTarget(real.url(), real.user(), real.password() + "x"), clock);
        leases.add(lease);

        assertThat(lease.holds()).isFalse();
    }

    /**
     * From a third session: end every session holding the runtime lock, waiting until each is gone with its lock
     * (PostgreSQL 14's timeout form; without it the lock could still be held a moment after); how many were ended.
     */
    private static int terminateLeaseHolder() throws SQLException {
        JdbcTarget target = database.jdbcTarget();
        try (Connection admin = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("""
                        select count(*) filter (where pg_terminate_backend(pid, 10000)) from pg_locks
                        where locktype = 'advisory' and granted
                          and ((classid::bigint << 32) | objid::bigint) = %d
                        """.formatted(RuntimeLease.LOCK_KEY))) {
            r.next();
            return r.getInt(1);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
