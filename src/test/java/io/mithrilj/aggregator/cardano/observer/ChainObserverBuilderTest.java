package io.mithrilj.aggregator.cardano.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChainObserverBuilderTest {

    static final CardanoNetwork PREPROD = CardanoNetwork.of("preprod", OptionalLong.empty());
    static final Path SOCKET = Path.of("/tmp/node.socket");

    @Test
    void buildsTheObserverOfEachNodeBackedType() {
        assertThat(ChainObserverBuilder.build("pallas", SOCKET, Optional.empty(), PREPROD, Duration.ofSeconds(1)))
                .isInstanceOf(PallasChainObserver.class);
        assertThat(ChainObserverBuilder.build(
                        "cardano-cli",
                        SOCKET,
                        Optional.of(Path.of("/usr/bin/cardano-cli")),
                        PREPROD,
                        Duration.ofSeconds(1)))
                .isInstanceOf(CardanoCliChainObserver.class);
        assertThatThrownBy(() -> ChainObserverBuilder.build(
                        "cardano-cli", SOCKET, Optional.empty(), PREPROD, Duration.ofSeconds(1)))
                .hasMessage("CARDANO_CLI_PATH is required with CHAIN_OBSERVER_TYPE=cardano-cli");
        assertThatThrownBy(() ->
                        ChainObserverBuilder.build("fake", SOCKET, Optional.empty(), PREPROD, Duration.ofSeconds(1)))
                .hasMessageContaining("not a node-backed observer");
    }
}
