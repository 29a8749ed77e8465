package io.mithrilj.aggregator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code era}: Mithril era tools, as upstream's. */
@Command(
        name = "era",
        mixinStandardHelpOptions = true,
        description = "Era tools: list, generate-tx-datum, generate-keypair.",
        subcommands = {EraCommand.ListEras.class, EraCommand.GenerateTxDatum.class, EraCommand.GenerateKeypair.class})
public final class EraCommand {

    /** The Mithril eras this node supports, in order. */
    static final java.util.List<String> SUPPORTED_ERAS = java.util.List.of("pythagoras", "lagrange");

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the supported Mithril eras.")
    static final class ListEras implements Callable<Integer> {
        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Override
        public Integer call() {
            if (json) {
                System.out.println(SUPPORTED_ERAS.stream()
                        .map(e -> "\"" + e + "\"")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")));
            } else {
                System.out.println("Supported Eras:");
                System.out.println("[");
                SUPPORTED_ERAS.forEach(
                        e -> System.out.println("    " + Character.toUpperCase(e.charAt(0)) + e.substring(1) + ","));
                System.out.println("]");
            }
            return 0;
        }
    }

    @Command(
            name = "generate-tx-datum",
            mixinStandardHelpOptions = true,
            description = "Generate the era markers transaction datum.")
    static final class GenerateTxDatum extends NotBuiltYet {}

    @Command(
            name = "generate-keypair",
            mixinStandardHelpOptions = true,
            description = "Generate an era markers key pair.")
    static final class GenerateKeypair extends NotBuiltYet {}
}
