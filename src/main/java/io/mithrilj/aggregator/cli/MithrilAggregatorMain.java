package io.mithrilj.aggregator.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * Entry point. The command line is parsed before Quarkus starts, so {@code -V}, {@code -h} and the offline
 * commands never boot the server; {@code serve} (and the commands that need the stores) start Quarkus
 * themselves, see {@link QuarkusLauncher}.
 */
@QuarkusMain
public final class MithrilAggregatorMain {

    private MithrilAggregatorMain() {}

    public static void main(String... args) {
        int exitCode = commandLine().execute(args);
        if (!QuarkusLauncher.shuttingDown()) System.exit(exitCode);
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
