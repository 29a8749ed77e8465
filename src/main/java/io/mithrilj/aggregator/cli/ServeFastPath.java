package io.mithrilj.aggregator.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [global options] serve [serve options]} read without picocli, so that the service starts without
 * building picocli's command model: picocli's classes are Java 5 bytecode, which the JDK's AOT cache cannot
 * hold, and loading, verifying and interpreting them takes ~0.4 s of a ~2.5 s start on our machines.
 *
 * <p>Only plain, valid forms are understood ({@code --option value}, {@code --option=value}, {@code -r value},
 * {@code -v}, {@code -vv}…, each option at most once). Anything else (help, version, another command, an unknown
 * or repeated option, a missing value) is left to picocli, which reports it exactly as usual. The
 * same records ({@link GlobalOptions}, {@link ServeOptions}) carry the result of both parsers, and a test
 * checks that both read every command line alike and that this class knows every option of both commands.
 */
final class ServeFastPath {

    /** The option names understood here (the test compares them with picocli's model). */
    static final Set<String> GLOBAL_OPTIONS = Set.of("-r", "--run-mode", "-v", "--db-directory", "--config-directory");

    static final Set<String> SERVE_OPTIONS = Set.of(
            "--server-ip",
            "--server-port",
            "--snapshot-directory",
            "--disable-digests-cache",
            "--reset-digests-cache",
            "--allow-unparsable-block",
            "--enable-metrics-server",
            "--metrics-server-ip",
            "--metrics-server-port",
            "--leader-aggregator-endpoint");

    record Parsed(GlobalOptions global, ServeOptions serve) {}

    private ServeFastPath() {}

    /** The parsed command line, or empty when it is not a plain {@code serve} command line. */
    static Optional<Parsed> parse(String... args) {
        String runMode = null;
        int verbosity = 0;
        Path dbDirectory = null;
        Path configDirectory = null;
        int i = 0;
        Set<String> seen = new HashSet<>();
        // global options, up to the command
        for (; i < args.length && !args[i].equals("serve"); i++) {
            String arg = args[i];
            if (arg.matches("-v+")) {
                verbosity += arg.length() - 1;
                continue;
            }
            Option option = Option.of(arg, args, i);
            if (option == null || !GLOBAL_OPTIONS.contains(option.name) || option.name.equals("-v")) {
                return Optional.empty();
            }
            String name = option.name.equals("-r") ? "--run-mode" : option.name;
            if (!seen.add(name)) return Optional.empty();
            i = option.next - 1;
            switch (name) {
                case "--run-mode" -> runMode = option.value;
                case "--db-directory" -> dbDirectory = Path.of(option.value);
                case "--config-directory" -> configDirectory = Path.of(option.value);
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (i == args.length) return Optional.empty(); // no serve command
        i++; // serve
        String serverIp = null;
        String serverPort = null;
        String snapshotDirectory = null;
        String metricsServerIp = null;
        String metricsServerPort = null;
        String leaderAggregatorEndpoint = null;
        boolean disableDigestsCache = false;
        boolean resetDigestsCache = false;
        boolean allowUnparsableBlock = false;
        boolean enableMetricsServer = false;
        seen.clear();
        for (; i < args.length; i++) {
            String arg = args[i];
            if (!seen.add(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)) return Optional.empty();
            switch (arg) {
                case "--disable-digests-cache" -> disableDigestsCache = true;
                case "--reset-digests-cache" -> resetDigestsCache = true;
                case "--allow-unparsable-block" -> allowUnparsableBlock = true;
                case "--enable-metrics-server" -> enableMetricsServer = true;
                default -> {
                    Option option = Option.of(arg, args, i);
                    if (option == null || !SERVE_OPTIONS.contains(option.name)) return Optional.empty();
                    i = option.next - 1;
                    switch (option.name) {
                        case "--server-ip" -> serverIp = option.value;
                        case "--server-port" -> serverPort = option.value;
                        case "--snapshot-directory" -> snapshotDirectory = option.value;
                        case "--metrics-server-ip" -> metricsServerIp = option.value;
                        case "--metrics-server-port" -> metricsServerPort = option.value;
                        case "--leader-aggregator-endpoint" -> leaderAggregatorEndpoint = option.value;
                        default -> {
                            return Optional.empty(); // a boolean option given a value
                        }
                    }
                }
            }
        }
        GlobalOptions defaults = GlobalOptions.defaults();
        GlobalOptions global = new GlobalOptions(
                runMode == null ? defaults.runMode() : runMode,
                verbosity,
                dbDirectory,
                configDirectory == null ? defaults.configDirectory() : configDirectory);
        ServeOptions serve = new ServeOptions(
                serverIp,
                serverPort,
                snapshotDirectory,
                disableDigestsCache,
                resetDigestsCache,
                allowUnparsableBlock,
                enableMetricsServer,
                metricsServerIp,
                metricsServerPort,
                leaderAggregatorEndpoint);
        return Optional.of(new Parsed(global, serve));
    }

    /** An option with a value: {@code --name value}, {@code --name=value} or {@code -r value}. */
    private record Option(String name, String value, int next) {

        static Option of(String arg, String[] args, int at) {
            if (arg.startsWith("--") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                String value = arg.substring(eq + 1);
                return plain(value) ? new Option(arg.substring(0, eq), value, at + 1) : null;
            }
            if ((arg.startsWith("--") && arg.length() > 2) || arg.equals("-r")) {
                if (at + 1 >= args.length || !plain(args[at + 1])) return null;
                return new Option(arg, args[at + 1], at + 2);
            }
            return null;
        }

        /** A value picocli reads the same way: not empty, not option-like, no quotes to strip. */
        private static boolean plain(String value) {
            return !value.isEmpty()
                    && !value.startsWith("-")
                    && !value.startsWith("\"")
                    && !value.startsWith("'")
                    && !value.equals("serve");
        }
    }
}
