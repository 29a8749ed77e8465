package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.certifier.GenesisService;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.protocol.Certificate;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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

    @ParentCommand
    RootCommand root;

    /** Base of the genesis commands that need the stores. */
    @Command
    abstract static class GenesisStoresCommand extends StoresCommand {
        @ParentCommand
        GenesisCommand genesis;

        @Override
        RootCommand root() {
            return genesis.root;
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Export the genesis payload to sign (the current epoch's genesis message hash).")
    static final class Export extends GenesisStoresCommand {
        @Option(names = "--target-path", required = true, description = "File receiving the payload to sign")
        Path targetPath;

        @Override
        public Integer call() {
            return runInQuarkus(() -> {
                System.out.println("Genesis export payload to sign to " + targetPath);
                Files.write(targetPath, bean(GenesisService.class).exportPayload());
                return 0;
            });
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a signed genesis payload: build, verify and store the genesis certificate.")
    static final class Import extends GenesisStoresCommand {
        @Option(
                names = "--signed-payload-path",
                required = true,
                description = "File holding the raw 64-byte signature of the exported payload")
        Path signedPayloadPath;

        @Option(
                names = "--genesis-verification-key",
                required = true,
                defaultValue = "${env:GENESIS_VERIFICATION_KEY}",
                description = "Genesis verification key, json-hex (GENESIS_VERIFICATION_KEY)")
        String genesisVerificationKey;

        @Override
        public Integer call() throws Exception {
            Ed25519VerificationKey key = decode(
                    () -> Ed25519VerificationKey.fromJsonHex(genesisVerificationKey.trim()),
                    "Could not decode hex key to build genesis verifier");
            byte[] raw = Files.readAllBytes(signedPayloadPath);
            Ed25519Signature signature = decode(
                    () -> Ed25519Signature.fromBytes(raw), "the signed payload is not a 64-byte Ed25519 signature");
            return runInQuarkus(() -> {
                System.out.println("Genesis import signed payload from " + signedPayloadPath);
                Certificate genesis = bean(GenesisService.class).importSignature(signature, key);
                System.out.println(
                        "Genesis certificate " + genesis.hash() + " of epoch " + genesis.epoch() + " stored");
                return 0;
            });
        }
    }

    @Command(
            name = "bootstrap",
            mixinStandardHelpOptions = true,
            description = "Create, sign and store a genesis certificate in one step (test networks only).")
    static final class Bootstrap extends GenesisStoresCommand {
        @Option(
                names = "--genesis-secret-key",
                required = true,
                defaultValue = "${env:GENESIS_SECRET_KEY}",
                description = "Genesis secret key, json-hex (GENESIS_SECRET_KEY)")
        String genesisSecretKey;

        @Override
        public Integer call() {
            Ed25519SigningKey key = decode(
                    () -> Ed25519SigningKey.decode(genesisSecretKey.trim()), "Could not decode the genesis secret key");
            return runInQuarkus(() -> {
                System.out.println("Genesis bootstrap for test only!");
                Certificate genesis = bean(GenesisService.class).bootstrap(key);
                System.out.println(
                        "Genesis certificate " + genesis.hash() + " of epoch " + genesis.epoch() + " stored");
                return 0;
            });
        }
    }

    /** Decode an argument, turning a codec error into one clear line. */
    static <T> T decode(java.util.function.Supplier<T> decoder, String what) {
        try {
            return decoder.get();
        } catch (CodecException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
