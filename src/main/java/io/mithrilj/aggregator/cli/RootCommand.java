package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.ResolvedSettings;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mithril-aggregator [OPTIONS] <COMMAND>}, shaped like upstream's clap command line. */
@Command(
        name = "mithril-aggregator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Mithril aggregator node (JVM): collects STM signatures, produces certificates, serves the API.",
        // subcommands added by MithrilAggregatorMain.commandLine: only the one a command line names
        subcommands = {})
public final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-r", "--run-mode"},
            defaultValue = "dev",
            description = "Run mode: selects <config-directory>/<run-mode>.json (default: ${DEFAULT-VALUE})")
    String runMode;

    @Option(names = "-v", description = "Verbosity, repeatable: none ERROR, -v WARN, -vv INFO, -vvv DEBUG, -vvvv TRACE")
    boolean[] verbosity = new boolean[0];

    @Option(names = "--db-directory", description = "Directory of the Cardano node database")
    Path dbDirectory;

    @Option(
            names = "--config-directory",
            defaultValue = "./config",
            description = "Directory of the configuration files (default: ${DEFAULT-VALUE})")
    Path configDirectory;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** Make the global options visible to the settings (run-mode file, flags) and to logging. */
    void applyGlobalOptions() {
        System.setProperty(ResolvedSettings.RUN_MODE_PROPERTY, runMode);
        System.setProperty(ResolvedSettings.CONFIG_DIRECTORY_PROPERTY, configDirectory.toString());
        if (dbDirectory != null)
            System.setProperty(ResolvedSettings.FLAG_PREFIX + "db_directory", dbDirectory.toString());
        System.setProperty("quarkus.log.level", logLevel(verbosity.length));
    }

    /** none ERROR, -v WARN, -vv INFO, -vvv DEBUG, -vvvv (and more) TRACE. */
    static String logLevel(int verbosity) {
        return switch (verbosity) {
            case 0 -> "ERROR";
            case 1 -> "WARN";
            case 2 -> "INFO";
            case 3 -> "DEBUG";
            default -> "TRACE";
        };
    }
}
