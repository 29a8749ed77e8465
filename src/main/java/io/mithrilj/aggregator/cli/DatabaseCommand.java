package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.ResolvedSettings;
import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code database}: maintenance of the stores (migrations, vacuum); runs beside a serving instance. */
@Command(
        name = "database",
        mixinStandardHelpOptions = true,
        description = "Database maintenance: migrate, vacuum.",
        subcommands = {DatabaseCommand.Migrate.class, DatabaseCommand.Vacuum.class})
public final class DatabaseCommand {

    @ParentCommand
    RootCommand root;

    abstract static class StoresCommand implements Callable<Integer> {
        @ParentCommand
        DatabaseCommand database;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--stores-directory",
                description = "Stores directory (STORES_DIRECTORY)",
                defaultValue = "${env:STORES_DIRECTORY}")
        String storesDirectory;

        int start(String name, QuarkusLauncher.StoreCommand command) {
            database.root.applyGlobalOptions();
            if (storesDirectory != null)
                System.setProperty(ResolvedSettings.FLAG_PREFIX + "data_stores_directory", storesDirectory);
            if (!QuarkusLauncher.settingsUsable(spec.commandLine().getErr())) return 1;
            return QuarkusLauncher.runWithStores(name, command);
        }

        String stores() {
            return ResolvedSettings.fromProcess().get("data_stores_directory").orElse("./stores");
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the database migrations.")
    static final class Migrate extends StoresCommand {
        @Override
        public Integer call() {
            return start("database migrate", () -> {
                // Flyway migrates at start-up; reaching this point means the schema is current
                System.out.println("Migrating databases from stores directory: " + stores());
                return 0;
            });
        }
    }

    @Command(
            name = "vacuum",
            mixinStandardHelpOptions = true,
            description = "Apply the migrations, then VACUUM the database.")
    static final class Vacuum extends StoresCommand {
        @Override
        public Integer call() {
            return start("database vacuum", () -> {
                System.out.println("Vacuuming database from stores directory: " + stores());
                Pool pool = Arc.container().instance(Pool.class).get();
                pool.query("VACUUM").execute().await().atMost(Duration.ofMinutes(30));
                return 0;
            });
        }
    }
}
