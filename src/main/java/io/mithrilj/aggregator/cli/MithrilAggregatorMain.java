package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
        int exitCode = commandLine(args).execute(args);
        if (!QuarkusLauncher.jvmShuttingDown()) System.exit(exitCode);
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

    /**
     * The commands, in the order of the usage text. Each one's model is built (by reflection over its
     * annotations) only when it is needed: picocli's own classes are Java 5 bytecode, which the JDK cannot
     * keep in the AOT cache, so building the whole tree costs a few hundred milliseconds of every start.
     */
    private static final List<String> COMMANDS = List.of("serve", "genesis", "era", "tools", "database", "help");

    /**
     * A new instance of a command. A plain switch rather than constructor references: the JDK 25 AOT cache
     * writer crashes on a resolved lambda that refers to a class it could not archive (picocli's).
     */
    private static Object newCommand(String name) {
        return switch (name) {
            case "serve" -> new ServeCommand();
            case "genesis" -> new GenesisCommand();
            case "era" -> new EraCommand();
            case "tools" -> new ToolsCommand();
            case "database" -> new DatabaseCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** The full command line (usage, help, tests). */
    public static CommandLine commandLine() {
        return build(name -> true);
    }

    /**
     * The command line for these arguments: the root and the one command they name; every command when
     * they name none, or ask for {@code help} (usage, suggestions for a mistyped command).
     */
    public static CommandLine commandLine(String... args) {
        List<String> words = Arrays.asList(args);
        if (words.contains("help")) return commandLine();
        Optional<String> named = words.stream().filter(COMMANDS::contains).findFirst();
        return named.map(n -> build(n::equals)).orElseGet(MithrilAggregatorMain::commandLine);
    }

    private static CommandLine build(Predicate<String> wanted) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        for (String command : COMMANDS) {
            if (wanted.test(command)) commandLine.addSubcommand(command, newCommand(command));
        }
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            // one clear line, never a stack trace as the only message
            cl.getErr().println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
