package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genesis sign}: signs the raw bytes of the payload file with the genesis secret key (JSON-hex
 * seed file) and writes the raw 64-byte Ed25519 signature. Offline: needs no node and no store.
 */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = "Sign a genesis payload with the genesis secret key (offline).")
public final class GenesisSignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--to-sign-payload-path", required = true, paramLabel = "IN", description = "Payload to sign")
    Path toSignPayloadPath;

    @Option(
            names = "--target-signed-payload-path",
            required = true,
            paramLabel = "OUT",
            description = "Where to write the raw 64-byte signature")
    Path targetSignedPayloadPath;

    @Option(
            names = "--genesis-secret-key-path",
            required = true,
            paramLabel = "SK",
            description = "Genesis secret key file (JSON-hex)")
    Path genesisSecretKeyPath;

    @Override
    public Integer call() {
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        try {
            Ed25519SigningKey key;
            try {
                key = Ed25519SigningKey.fromJsonHex(Files.readString(genesisSecretKeyPath, StandardCharsets.US_ASCII)
                        .strip());
            } catch (IOException e) {
                err.println(
                        "Error: can not read the genesis secret key " + genesisSecretKeyPath + ": " + e.getMessage());
                return 1;
            } catch (RuntimeException e) {
                err.println(
                        "Error: can not decode the genesis secret key " + genesisSecretKeyPath + ": " + e.getMessage());
                return 1;
            }
            try {
                byte[] payload = Files.readAllBytes(toSignPayloadPath);
                Files.write(targetSignedPayloadPath, key.sign(payload).toBytes());
            } catch (IOException e) {
                err.println("Error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return 1;
            }
            out.println("Signed genesis payload written to " + targetSignedPayloadPath);
            return 0;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
