package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point. The command line is parsed before Quarkus starts, so {@code -V}, {@code -h} and the offline
 * commands never boot the server; {@code serve} (and the commands that need the stores) start Quarkus
 * themselves, see {@link QuarkusLauncher}.
 */
@QuarkusMain
public final class MithrilAggregatorMain {

    private MithrilAggregatorMain() {}

    /** The commands that open the stores, and so may start the embedded PostgreSQL. */
    private static final Set<String> STORE_COMMANDS = Set.of("serve", "genesis", "database", "tools");

    public static void main(String... args) {
        if (mayOpenStores(args)) EmbeddedDatabase.probePlatformInBackground();
        int exitCode = commandLine().execute(args);
        if (!QuarkusLauncher.shuttingDown()) System.exit(exitCode);
    }

    /** A guess, for a warm-up only: a store command is named and no help or version is asked. */
    static boolean mayOpenStores(String... args) {
        List<String> words = Arrays.asList(args);
        return words.stream().anyMatch(STORE_COMMANDS::contains)
                && words.stream()
                        .noneMatch(w -> w.equals("-h")
                                || w.equals("--help")
                                || w.equals("-V")
                                || w.equals("--version")
                                || w.equals("help"));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            // one clear line, never a stack trace as the only message
            cl.getErr().println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
