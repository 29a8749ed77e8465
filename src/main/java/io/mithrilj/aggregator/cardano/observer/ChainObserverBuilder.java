package io.mithrilj.aggregator.cardano.observer;

import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.chain.ChainObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The node-backed chain observer named by {@code CHAIN_OBSERVER_TYPE} (upstream {@code ChainObserverBuilder}):
 * {@code pallas} (the default outside the devnet) or {@code cardano-cli}. The {@code fake} type is the devnet's
 * simulated chain, which the runtime wires itself.
 */
public final class ChainObserverBuilder {

    /** How long one node exchange or one cardano-cli run may take before the call fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private ChainObserverBuilder() {}

    public static ChainObserver build(
            String type, Path socketPath, Optional<Path> cardanoCliPath, CardanoNetwork network, Duration timeout) {
        return switch (type) {
            case "pallas" -> new PallasChainObserver(socketPath, network, timeout);
            case "cardano-cli" ->
                new CardanoCliChainObserver(
                        cardanoCliPath.orElseThrow(() -> new IllegalArgumentException(
                                "CARDANO_CLI_PATH is required with CHAIN_OBSERVER_TYPE=cardano-cli")),
                        socketPath,
                        network,
                        timeout);
            default ->
                throw new IllegalArgumentException(
                        "CHAIN_OBSERVER_TYPE=" + type + " is not a node-backed observer (pallas or cardano-cli)");
        };
    }
}
