package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.ResolvedSettings;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code database}: maintenance of the stores (migrations, vacuum); runs beside a serving instance. */
@Command(
        name = "database",
        mixinStandardHelpOptions = true,
        description = "Database maintenance: migrate, vacuum.",
        subcommands = {DatabaseCommand.Migrate.class, DatabaseCommand.Vacuum.class})
public final class DatabaseCommand {

    @ParentCommand
    RootCommand root;

    @Command
    abstract static class DatabaseStoresCommand extends StoresCommand {
        @ParentCommand
        DatabaseCommand database;

        @Option(
                names = "--stores-directory",
                description = "Stores directory (STORES_DIRECTORY)",
                defaultValue = "${env:STORES_DIRECTORY}")
        String storesDirectory;

        @Override
        RootCommand root() {
            return database.root;
        }

        int start(Callable<Integer> command) {
            if (storesDirectory != null)
                System.setProperty(ResolvedSettings.FLAG_PREFIX + "data_stores_directory", storesDirectory);
            return runInQuarkus(command);
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the database migrations.")
    static final class Migrate extends DatabaseStoresCommand {
        @Override
        public Integer call() {
            return start(() -> {
                // Flyway migrates at start-up; reaching this point means the schema is current
                System.out.println("Migrating databases from stores directory: " + storesDirectory());
                return 0;
            });
        }
    }

    @Command(
            name = "vacuum",
            mixinStandardHelpOptions = true,
            description = "Apply the migrations, then VACUUM the database.")
    static final class Vacuum extends DatabaseStoresCommand {
        @Override
        public Integer call() {
            return start(() -> {
                System.out.println("Vacuuming database from stores directory: " + storesDirectory());
                Pool pool = bean(Pool.class);
                pool.query("VACUUM").execute().await().atMost(Duration.ofMinutes(30));
                return 0;
            });
        }
    }
}
