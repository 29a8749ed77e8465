package io.mithrilj.aggregator.cli;

import picocli.CommandLine.Command;

/** {@code genesis}: genesis certificate tools, as upstream's. */
@Command(
        name = "genesis",
        mixinStandardHelpOptions = true,
        description = "Genesis certificate tools: export, sign, import, bootstrap, generate-keypair.",
        subcommands = {
            GenesisCommand.Export.class,
            GenesisCommand.Import.class,
            GenesisSignCommand.class,
            GenesisCommand.Bootstrap.class,
            GenesisGenerateKeypairCommand.class
        })
public final class GenesisCommand {

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the genesis payload to sign.")
    static final class Export extends NotBuiltYet {}

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a signed genesis payload.")
    static final class Import extends NotBuiltYet {}

    @Command(
            name = "bootstrap",
            mixinStandardHelpOptions = true,
            description = "Create and store a genesis certificate (test networks only).")
    static final class Bootstrap extends NotBuiltYet {}
}
