package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The fast path of {@code serve} reads every command line it accepts exactly as picocli does. */
class ServeFastPathTest {

    private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

    /** picocli's reading of a command line, or empty when picocli refuses it. */
    private static Optional<ServeFastPath.Parsed> picocli(String... args) {
        CommandLine commandLine = MithrilAggregatorMain.commandLine();
        ParseResult result;
        try {
            result = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        if (!result.hasSubcommand()
                || !result.subcommand().commandSpec().name().equals("serve")
                || result.isUsageHelpRequested()
                || result.isVersionHelpRequested()
                || result.subcommand().isUsageHelpRequested()
                || result.subcommand().isVersionHelpRequested()) {
            return Optional.empty();
        }
        RootCommand root = commandLine.getCommand();
        ServeCommand serve = (ServeCommand) result.subcommand().commandSpec().userObject();
        return Optional.of(new ServeFastPath.Parsed(root.options(), serve.options()));
    }

    private static void sameAsPicocli(String... args) {
        Optional<ServeFastPath.Parsed> fast = ServeFastPath.parse(args);
        if (fast.isPresent()) {
            assertThat(picocli(args)).as(String.join(" ", args)).isEqualTo(fast);
        }
    }

    @Test
    void plainServeCommandLinesTakeTheFastPathWithPicocliReading() {
        String[][] accepted = {
            {"serve"},
            {"-vv", "serve"},
            {"-v", "-vv", "serve"},
            {"-r", "mainnet", "--config-directory", "/etc/mithril", "serve"},
            {"--run-mode=preview", "--db-directory=/db", "-vvv", "serve", "--server-port", "8081"},
            {
                "serve",
                "--server-ip=0.0.0.0",
                "--enable-metrics-server",
                "--metrics-server-port",
                "9191",
                "--leader-aggregator-endpoint",
                "https://leader.example/aggregator",
                "--reset-digests-cache"
            },
        };
        for (String[] args : accepted) {
            assertThat(ServeFastPath.parse(args)).as(String.join(" ", args)).isPresent();
            sameAsPicocli(args);
        }
        assertThat(ServeFastPath.parse("-vv", "serve").orElseThrow().global().verbosity())
                .isEqualTo(2);
        assertThat(ServeFastPath.parse("serve").orElseThrow())
                .isEqualTo(new ServeFastPath.Parsed(GlobalOptions.defaults(), ServeOptions.none()));
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        String[][] refused = {
            {},
            {"-V"},
            {"-h"},
            {"serve", "-h"},
            {"serve", "--help"},
            {"serve", "-V"},
            {"genesis", "export"},
            {"serve", "-v"},
            {"serve", "--bogus"},
            {"serve", "extra"},
            {"serve", "--server-port"},
            {"serve", "--server-port", "1", "--server-port", "2"},
            {"serve", "--server-port=1", "--server-port=2"},
            {"serve", "--enable-metrics-server=true"},
            {"serve", "--server-ip="},
            {"serve", "--server-ip", "-x"},
            {"-r", "serve"},
            {"-rmainnet", "serve"},
            {"-r", "a", "--run-mode", "b", "serve"},
            {"--db-directory", "serve", "serve"},
            {"serve", "serve"},
            {"serve", "--", "--server-port", "1"},
        };
        for (String[] args : refused) {
            assertThat(ServeFastPath.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void randomCommandLinesAreReadAlikeWheneverTheFastPathTakesThem() {
        String[] globalValued = {"-r", "--run-mode", "--db-directory", "--config-directory"};
        String[] serveValued = {
            "--server-ip",
            "--server-port",
            "--snapshot-directory",
            "--metrics-server-ip",
            "--metrics-server-port",
            "--leader-aggregator-endpoint"
        };
        String[] serveFlags = {
            "--disable-digests-cache", "--reset-digests-cache", "--allow-unparsable-block", "--enable-metrics-server"
        };
        String[] values = {"a", "8080", "/var/x", "./rel", "http://h:1/p", "x=y", "-", "", "serve", "-v", "\"q\""};
        String[] junk = {"-v", "-vv", "-x", "--", "extra", "-h", "--server-port", "-r"};
        Random random = new Random(20261127);
        int taken = 0;
        for (int n = 0; n < 3000; n++) {
            List<String> args = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                if (random.nextInt(3) == 0) args.add("-" + "v".repeat(1 + random.nextInt(3)));
                else option(args, random, globalValued[random.nextInt(globalValued.length)], values);
            }
            args.add("serve");
            for (int k = random.nextInt(5); k > 0; k--) {
                switch (random.nextInt(4)) {
                    case 0 -> args.add(serveFlags[random.nextInt(serveFlags.length)]);
                    case 1 -> args.add(junk[random.nextInt(junk.length)]);
                    default -> option(args, random, serveValued[random.nextInt(serveValued.length)], values);
                }
            }
            String[] vector = args.toArray(String[]::new);
            if (ServeFastPath.parse(vector).isPresent()) taken++;
            sameAsPicocli(vector);
        }
        assertThat(taken).as("command lines taken by the fast path").isGreaterThan(500);
    }

    private static void option(List<String> args, Random random, String name, String[] values) {
        String value = values[random.nextInt(values.length)];
        if (name.startsWith("--") && random.nextBoolean()) {
            args.add(name + "=" + value);
        } else {
            args.add(name);
            args.add(value);
        }
    }

    @Test
    void theFastPathKnowsEveryOptionOfTheRootAndServeCommands() {
        CommandLine commandLine = MithrilAggregatorMain.commandLine();
        assertThat(optionNames(commandLine)).isEqualTo(ServeFastPath.GLOBAL_OPTIONS);
        assertThat(optionNames(commandLine.getSubcommands().get("serve"))).isEqualTo(ServeFastPath.SERVE_OPTIONS);
    }

    private static Set<String> optionNames(CommandLine commandLine) {
        return commandLine.getCommandSpec().options().stream()
                .map(OptionSpec::names)
                .flatMap(names -> Set.of(names).stream())
                .filter(name -> !HELP_AND_VERSION.contains(name))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
