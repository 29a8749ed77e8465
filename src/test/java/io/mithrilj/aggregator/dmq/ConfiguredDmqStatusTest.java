package io.mithrilj.aggregator.dmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.config.AggregatorConfig;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredDmqStatusTest {

    private static AggregatorConfig withSocket(Optional<String> path) {
        return (AggregatorConfig) Proxy.newProxyInstance(
                AggregatorConfig.class.getClassLoader(), new Class<?>[] {AggregatorConfig.class}, (p, method, args) -> {
                    if (method.getName().equals("dmqNodeSocketPath")) return path;
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void saysPlainlyWhenNoSocketIsConfigured() {
        DmqStatus.Snapshot s = new ConfiguredDmqStatus(withSocket(Optional.empty())).snapshot();
        assertThat(s.configured()).isFalse();
        assertThat(s.summary()).isEqualTo(ConfiguredDmqStatus.NOT_CONFIGURED);
        assertThat(new ConfiguredDmqStatus(withSocket(Optional.of(" ")))
                        .snapshot()
                        .configured())
                .isFalse();
    }

    @Test
    void aConfiguredSocketIsShownNotRead() {
        DmqStatus.Snapshot s = new ConfiguredDmqStatus(withSocket(Optional.of("/ipc/dmq.socket"))).snapshot();
        assertThat(s.configured()).isTrue();
        assertThat(s.socketPath()).contains("/ipc/dmq.socket");
        assertThat(s.consumerRunning()).isFalse();
        assertThat(s.connected()).isFalse();
        assertThat(s.lastMessageAt()).isEmpty();
        assertThat(s.summary()).isEqualTo(ConfiguredDmqStatus.NOT_BUILT);
    }
}
