package io.mithrilj.aggregator.cli;

import picocli.CommandLine.Command;

/** {@code tools}: operator tools. */
@Command(
        name = "tools",
        mixinStandardHelpOptions = true,
        description = "Operator tools: verify-certificate-chain, recompute-certificates-hash.",
        subcommands = {VerifyCertificateChainCommand.class, ToolsCommand.RecomputeCertificatesHash.class})
public final class ToolsCommand {

    @Command(
            name = "recompute-certificates-hash",
            mixinStandardHelpOptions = true,
            description = "Recompute every stored certificate hash.")
    static final class RecomputeCertificatesHash extends NotBuiltYet {}
}
