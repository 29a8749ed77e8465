package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.cardano.era.EraMarker;
import io.mithrilj.aggregator.cardano.era.EraMarkersPayload;
import io.mithrilj.aggregator.cardano.era.TxDatum;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the supported Mithril eras.")
    static final class ListEras implements Callable<Integer> {
        @Option(names = "--json", description = "JSON output")
        boolean json;

        @Override
        public Integer call() {
            if (json) {
                System.out.println(EraMarker.SUPPORTED_ERAS.stream()
                        .map(e -> "\"" + e + "\"")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")));
            } else {
                System.out.println("Supported Eras:");
                System.out.println("[");
                EraMarker.SUPPORTED_ERAS.forEach(
                        e -> System.out.println("    " + Character.toUpperCase(e.charAt(0)) + e.substring(1) + ","));
                System.out.println("]");
            }
            return 0;
        }
    }

    @Command(
            name = "generate-tx-datum",
            mixinStandardHelpOptions = true,
            description =
                    "Generate the era markers transaction datum (signed markers: pythagoras at the current era epoch, lagrange at the next one).")
    static final class GenerateTxDatum implements Callable<Integer> {
        @Option(
                names = "--current-era-epoch",
                required = true,
                defaultValue = "${env:CURRENT_ERA_EPOCH}",
                description = "Current era epoch (CURRENT_ERA_EPOCH)")
        long currentEraEpoch;

        @Option(
                names = "--next-era-epoch",
                defaultValue = "${env:NEXT_ERA_EPOCH}",
                description = "Next era epoch start, if any (NEXT_ERA_EPOCH)")
        Long nextEraEpoch;

        @Option(
                names = "--era-markers-secret-key",
                required = true,
                defaultValue = "${env:ERA_MARKERS_SECRET_KEY}",
                description = "Era markers secret key, json-hex (ERA_MARKERS_SECRET_KEY)")
        String eraMarkersSecretKey;

        @Option(names = "--target-path", required = true, description = "File receiving the datum")
        Path targetPath;

        @Override
        public Integer call() throws Exception {
            Ed25519SigningKey key;
            try {
                key = Ed25519SigningKey.decode(eraMarkersSecretKey);
            } catch (CodecException e) {
                throw new IllegalArgumentException(
                        "json hex decode of era markers secret key failure: " + e.getMessage());
            }
            EraMarkersPayload payload = EraMarkersPayload.forEras(
                            currentEraEpoch,
                            nextEraEpoch == null ? OptionalLong.empty() : OptionalLong.of(nextEraEpoch))
                    .sign(key);
            Files.writeString(targetPath, TxDatum.ofBytesField(payload.toJsonHex()), StandardCharsets.UTF_8);
            return 0;
        }
    }

    @Command(
            name = "generate-keypair",
            mixinStandardHelpOptions = true,
            description = "Generate an era markers key pair (era.sk, era.vk).")
    static final class GenerateKeypair implements Callable<Integer> {
        @Option(names = "--target-path", required = true, description = "Directory for era.sk and era.vk")
        Path targetPath;

        @Override
        public Integer call() throws Exception {
            System.out.println("Era generate keypair to " + targetPath);
            KeyFiles.writeKeyPair(targetPath, "era", Ed25519SigningKey.generate());
            return 0;
        }
    }
}
