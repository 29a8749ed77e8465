package io.mithrilj.aggregator.cardano.observer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.crypto.kes.Bech32;
import io.mithrilj.aggregator.protocol.Epoch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The chain observer through cardano-cli ({@code CHAIN_OBSERVER_TYPE=cardano-cli}, upstream
 * {@code CardanoCliChainObserver}): {@code <CARDANO_CLI_PATH> latest query …} with
 * {@code CARDANO_NODE_SOCKET_PATH} set and {@code --mainnet} or {@code --testnet-magic <magic>}, parsing the JSON
 * the way upstream does (including its KES period of {@code slot / 129600} for every network).
 */
public final class CardanoCliChainObserver implements ChainObserver {

    /** Upstream hard-codes this for every network. */
    static final long SLOTS_PER_KES_PERIOD = 129_600;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path cliPath;
    private final Path socketPath;
    private final CardanoNetwork network;
    private final Duration timeout;

    public CardanoCliChainObserver(Path cliPath, Path socketPath, CardanoNetwork network, Duration timeout) {
        this.cliPath = cliPath;
        this.socketPath = socketPath;
        this.network = network;
        this.timeout = timeout;
    }

    @Override
    public Optional<String> currentEra() {
        JsonNode v = json(run("query", "tip"));
        return v.path("era").isTextual() ? Optional.of(v.get("era").asText()) : Optional.empty();
    }

    @Override
    public Optional<Epoch> currentEpoch() {
        JsonNode v = json(run("query", "tip"));
        return u64(v.path("epoch")).map(Epoch::new);
    }

    @Override
    public Optional<ChainPoint> currentChainPoint() {
        JsonNode v = json(run("query", "tip"));
        if (!v.path("hash").isTextual()) return Optional.empty();
        return Optional.of(new ChainPoint(
                u64(v.path("slot")).orElse(0L),
                u64(v.path("block")).orElse(0L),
                v.get("hash").asText()));
    }

    @Override
    public Optional<Long> currentKesPeriod() {
        String out = run("query", "tip");
        int brace = Math.max(0, out.indexOf('{'));
        return u64(json(out.substring(brace)).path("slot")).map(slot -> slot / SLOTS_PER_KES_PERIOD);
    }

    @Override
    public List<String> currentDatums(String address) {
        Path outFile;
        try {
            outFile = Files.createTempFile("cardano-cli-utxo", ".out");
        } catch (IOException e) {
            throw new ChainObserverException("cannot create a temporary file for cardano-cli: " + e.getMessage(), e);
        }
        try {
            run("query", "utxo", "--address", address, "--out-file", outFile.toString());
            JsonNode v = json(Files.readString(outFile).trim());
            List<String> datums = new ArrayList<>();
            for (JsonNode utxo : v) {
                JsonNode datum = utxo.get("inlineDatum");
                if (datum != null && !datum.isNull()) datums.add(datum.toString());
            }
            return datums;
        } catch (IOException e) {
            throw new ChainObserverException("cannot read the cardano-cli output file: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(outFile);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    /** The all-pools snapshot (node 8.0+); on any failure the legacy per-pool way, as upstream. */
    @Override
    public Map<String, Long> currentStakeDistribution() {
        try {
            return stakeDistributionAllPools();
        } catch (ChainObserverException | IllegalArgumentException e) {
            return stakeDistributionLegacy();
        }
    }

    private Map<String, Long> stakeDistributionAllPools() {
        JsonNode pools =
                json(run("query", "stake-snapshot", "--all-stake-pools")).get("pools");
        if (pools == null || !pools.isObject())
            throw new ChainObserverException("cardano-cli stake snapshot: missing 'pools' field");
        Map<String, Long> stakes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = pools.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> pool = it.next();
            String poolId = Bech32.encode("pool", HexFormat.of().parseHex(pool.getKey()));
            long mark = u64(pool.getValue().path("stakeMark"))
                    .orElseThrow(() -> new ChainObserverException("Missing 'stakeMark' field for " + poolId));
            if (mark > 0) stakes.put(poolId, mark);
        }
        return stakes;
    }

    private Map<String, Long> stakeDistributionLegacy() {
        Map<String, Long> stakes = new LinkedHashMap<>();
        String[] lines = run("query", "stake-distribution").split("\n", -1);
        for (int i = 2; i < lines.length; i++) {
            String[] words = lines[i].trim().split("\\s+");
            if (words.length != 2) continue;
            try {
                Double.parseDouble(words[1]);
            } catch (NumberFormatException e) {
                throw new ChainObserverException("could not parse stake from '" + words[1] + "'");
            }
            // the fraction is of the current epoch; the mark stake of the snapshot is the one wanted
            JsonNode snapshot = json(run("query", "stake-snapshot", "--stake-pool-id", words[0]));
            long mark = u64(snapshot.path("poolStakeMark"))
                    .orElseThrow(
                            () -> new ChainObserverException("Error: could not parse stake pool snapshot " + snapshot));
            if (mark > 0) stakes.put(words[0], mark);
        }
        return stakes;
    }

    private static Optional<Long> u64(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0
                ? Optional.of(n.asLong())
                : Optional.empty();
    }

    private static JsonNode json(String output) {
        try {
            return MAPPER.readTree(output);
        } catch (IOException e) {
            throw new ChainObserverException("cardano-cli output is not JSON: output was = '" + output + "'", e);
        }
    }

    /** Runs {@code cardano-cli latest <args> <network>} and returns its standard output, trimmed. */
    String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(cliPath.toString());
        command.add("latest");
        command.addAll(List.of(args));
        if (network.isMainnet()) command.add("--mainnet");
        else {
            command.add("--testnet-magic");
            command.add(Long.toString(network.magic()));
        }
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("cardano-cli", ".stdout");
            stderr = Files.createTempFile("cardano-cli", ".stderr");
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            pb.environment().put("CARDANO_NODE_SOCKET_PATH", socketPath.toString());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ChainObserverException("cardano-cli did not answer within " + timeout + ": " + command);
            }
            if (p.exitValue() != 0)
                throw new ChainObserverException("Error launching command " + command + ", error = '"
                        + Files.readString(stderr, StandardCharsets.UTF_8).trim() + "'");
            return Files.readString(stdout, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ChainObserverException("cannot run cardano-cli at " + cliPath + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainObserverException("interrupted while running cardano-cli", e);
        } finally {
            for (Path f : new Path[] {stdout, stderr}) {
                if (f == null) continue;
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }
}
