package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.persistence.TcpGate;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running devnet and comes back: readiness turns false and back to true, the runtime
 * logs the failure once (not once per cycle), keeps its state, never dies, and certifies again.
 */
class DatabaseOutageIT {

    @TempDir
    Path work;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int readiness(int port) throws Exception {
        try {
            return AggregatorProcess.get("http://127.0.0.1:" + port + "/q/health/ready")
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void await(
            String what, AggregatorProcess p, java.util.concurrent.Callable<Boolean> condition, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (!p.process.isAlive()) throw new AssertionError("service exited:\n" + p.output());
            if (System.nanoTime() > end) throw new AssertionError(what + " not within " + timeout + ":\n" + p.output());
            Thread.sleep(250);
        }
    }

    private static int certificates(int port) throws Exception {
        try {
            return MessageJson.parse(AggregatorProcess.get("http://127.0.0.1:" + port + "/aggregator/certificates")
                            .body())
                    .size();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Test
    void readinessFollowsTheDatabaseAndTheRuntimeCarriesOn() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startIn(Files.createDirectories(work.resolve("pg")));
                TcpGate gate = new TcpGate(database.port(), true)) {
            Map<String, String> ds = database.datasourceProperties();
            String url = "postgresql://" + ds.get("quarkus.datasource.username") + ":"
                    + ds.get("quarkus.datasource.password") + "@127.0.0.1:" + gate.port() + "/"
                    + EmbeddedDatabase.DATABASE;
            int port = freePort();
            Map<String, String> env = Map.of(
                    "DATABASE_URL", url, "SERVER_PORT", Integer.toString(port), "DEVNET_EPOCH_LENGTH_SECONDS", "10");
            try (AggregatorProcess p = AggregatorProcess.start(work, env, "-vv", "serve")) {
                await("ready", p, () -> readiness(port) == 200, Duration.ofSeconds(120));
                await("genesis and a first certificate", p, () -> certificates(port) >= 2, Duration.ofSeconds(120));

                // the database goes away: no new connection, the open ones cut
                gate.open(false);
                Properties credentials = new Properties();
                credentials.setProperty("user", database.jdbcTarget().user());
                credentials.setProperty("password", database.jdbcTarget().password());
                try (Connection c = DriverManager.getConnection(
                                database.jdbcTarget().url(), credentials);
                        Statement s = c.createStatement()) {
                    for (int upstream : gate.upstreamPorts()) {
                        s.execute("select pg_terminate_backend(pid) from pg_stat_activity where client_port = "
                                + upstream);
                    }
                }
                await("not ready while the database is away", p, () -> readiness(port) == 503, Duration.ofSeconds(30));
                Thread.sleep(5_000); // several cycles fail meanwhile
                String during = p.output();

                gate.open(true);
                await("ready again", p, () -> readiness(port) == 200, Duration.ofSeconds(60));
                int before = certificates(port);
                await("certifying again", p, () -> certificates(port) >= before + 2, Duration.ofSeconds(90));

                long failures =
                        during.lines().filter(l -> l.contains("cycle failed")).count();
                assertThat(failures)
                        .as("the outage is logged when it appears, not at every cycle:\n%s", during)
                        .isBetween(1L, 6L);
                assertThat(p.output()).contains("cycle succeeded again");
                assertThat(p.stop()).isEqualTo(143);
            }
        }
    }
}
