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
            GenesisCommand.Sign.class,
            GenesisCommand.Bootstrap.class,
            GenesisCommand.GenerateKeypair.class
        })
public final class GenesisCommand {

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export the genesis payload to sign.")
    static final class Export extends NotBuiltYet {}

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a signed genesis payload.")
    static final class Import extends NotBuiltYet {}

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Sign a genesis payload (offline).")
    static final class Sign extends NotBuiltYet {}

    @Command(
            name = "bootstrap",
            mixinStandardHelpOptions = true,
            description = "Create and store a genesis certificate (test networks only).")
    static final class Bootstrap extends NotBuiltYet {}

    @Command(name = "generate-keypair", mixinStandardHelpOptions = true, description = "Generate a genesis key pair.")
    static final class GenerateKeypair extends NotBuiltYet {}
}
