package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.Launch;
import io.quarkus.arc.Arc;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the stores: checks the settings, then runs inside Quarkus without an HTTP
 * server (so it runs beside a serving instance), sharing its embedded PostgreSQL.
 */
@picocli.CommandLine.Command
abstract class StoresCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The root command, for the global options (run mode, config directory, verbosity). */
    abstract RootCommand root();

    int runInQuarkus(Callable<Integer> command) {
        root().applyGlobalOptions();
        return QuarkusLauncher.checkedSettings(spec.commandLine().getErr())
                .map(settings -> QuarkusLauncher.runWithStores(settings, command))
                .orElse(1);
    }

    static <T> T bean(Class<T> type) {
        return Arc.container().instance(type).get();
    }

    static String storesDirectory() {
        return Launch.settingsOfProcess().get("data_stores_directory").orElse("./stores");
    }
}
