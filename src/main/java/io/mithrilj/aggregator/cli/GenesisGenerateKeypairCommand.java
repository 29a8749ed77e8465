package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis generate-keypair --target-path DIR}: writes a fresh Ed25519 genesis key pair as
 * {@code DIR/genesis.sk} and {@code DIR/genesis.vk}, each JSON-hex text without a newline.
 */
@Command(
        name = "generate-keypair",
        mixinStandardHelpOptions = true,
        description = "Generate a genesis key pair (genesis.sk, genesis.vk) in the target directory.")
public final class GenesisGenerateKeypairCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target-path", required = true, paramLabel = "DIR", description = "Directory for the key files")
    Path targetPath;

    @Override
    public Integer call() {
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        try {
            Path[] files = KeyFiles.writeKeyPair(targetPath, "genesis", Ed25519SigningKey.generate());
            Path sk = files[0];
            Path vk = files[1];
            out.println("Genesis secret key written to " + sk);
            out.println("Genesis verification key written to " + vk);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Error: can not write the genesis key pair to " + targetPath + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
