package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.ResolvedSettings;
import java.nio.file.Path;

/**
 * The options before the command ({@code -r}, {@code -v…}, {@code --db-directory}, {@code --config-directory}),
 * as read by picocli ({@link RootCommand}) or by the fast path of {@code serve} ({@link ServeFastPath}).
 */
record GlobalOptions(String runMode, int verbosity, Path dbDirectory, Path configDirectory) {

    static final String DEFAULT_RUN_MODE = "dev";
    static final String DEFAULT_CONFIG_DIRECTORY = "./config";

    static GlobalOptions defaults() {
        return new GlobalOptions(DEFAULT_RUN_MODE, 0, null, Path.of(DEFAULT_CONFIG_DIRECTORY));
    }

    /** Make them visible to the settings (run-mode file, flags) and to logging. */
    void apply() {
        System.setProperty(ResolvedSettings.RUN_MODE_PROPERTY, runMode);
        System.setProperty(ResolvedSettings.CONFIG_DIRECTORY_PROPERTY, configDirectory.toString());
        if (dbDirectory != null)
            System.setProperty(ResolvedSettings.FLAG_PREFIX + "db_directory", dbDirectory.toString());
        System.setProperty("quarkus.log.level", logLevel());
    }

    /** none ERROR, -v WARN, -vv INFO, -vvv DEBUG, -vvvv (and more) TRACE. */
    String logLevel() {
        return switch (verbosity) {
            case 0 -> "ERROR";
            case 1 -> "WARN";
            case 2 -> "INFO";
            case 3 -> "DEBUG";
            default -> "TRACE";
        };
    }
}
