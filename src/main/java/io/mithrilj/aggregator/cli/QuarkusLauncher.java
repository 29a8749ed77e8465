package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.DatabaseUrl;
import io.mithrilj.aggregator.config.ResolvedSettings;
import io.mithrilj.aggregator.persistence.DatabaseMigrations;
import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.persistence.StoresUnavailable;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts Quarkus for a command, once the settings have been checked: for {@code serve} with the HTTP
 * server, for store commands without it (so they run beside a serving instance without a port clash).
 * Starts the embedded PostgreSQL first when no {@code DATABASE_URL} is set, and stops it after Quarkus,
 * on a normal exit as on SIGTERM/SIGINT.
 */
public final class QuarkusLauncher {

    /** The command Quarkus was started for, readable by beans: {@code serve} or a store command. */
    public static final String COMMAND_PROPERTY = "mithril-cli.command";

    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
    private static volatile StoreCommand pendingCommand;

    private QuarkusLauncher() {}

    /** A command run inside a started Quarkus (with CDI), returning its exit code. */
    @FunctionalInterface
    public interface StoreCommand {
        int run() throws Exception;
    }

    static boolean shuttingDown() {
        return SHUTTING_DOWN.get();
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
        ResolvedSettings.recordChecked(settings);
        return Optional.of(settings);
    }

    static int serve(ResolvedSettings settings) {
        System.setProperty(COMMAND_PROPERTY, "serve");
        return launch(ServeApplication.class, true, settings);
    }

    static int runWithStores(String commandName, ResolvedSettings settings, StoreCommand command) {
        System.setProperty(COMMAND_PROPERTY, commandName);
        pendingCommand = command;
        return launch(StoreCommandApplication.class, false, settings);
    }

    private static int launch(
            Class<? extends QuarkusApplication> application, boolean http, ResolvedSettings settings) {
        if (!http) {
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
        DatabaseMigrations.launchInBackground(() -> {
            if (server != null) {
                server.awaitReady();
                return server.jdbcTarget();
            }
            DatabaseUrl url = DatabaseUrl.parse(settings.get("database_url").orElseThrow());
            return new DatabaseMigrations.JdbcTarget(url.jdbcUrl(), url.user(), url.password());
        });
        CountDownLatch quarkusStopped = new CountDownLatch(1);
        EmbeddedDatabase database = embedded;
        Thread hook = new Thread(
                () -> {
                    SHUTTING_DOWN.set(true);
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
        if (!SHUTTING_DOWN.get()) {
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
            return AotTrainingRun.exitCode();
        }
    }

    /** Runs the pending store command inside the started application, then exits. */
    public static final class StoreCommandApplication implements QuarkusApplication {
        @Override
        public int run(String... args) throws Exception {
            return pendingCommand.run();
        }
    }
}
