package io.mithrilj.aggregator.dmq;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The DMQ status while no DMQ consumer exists: what the configuration says, nothing received. */
@ApplicationScoped
@DefaultBean
public class ConfiguredDmqStatus implements DmqStatus {
    static final String NOT_CONFIGURED = "DMQ is not configured (DMQ_NODE_SOCKET_PATH is not set)";
    static final String NOT_BUILT =
            "DMQ is configured, but its consumer is not built yet: nothing is read from the socket";

    private final Optional<String> socketPath;

    ConfiguredDmqStatus(AggregatorConfig config) {
        this.socketPath = config.dmqNodeSocketPath().filter(p -> !p.isBlank());
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(
                socketPath, false, false, Optional.empty(), 0, 0, socketPath.isPresent() ? NOT_BUILT : NOT_CONFIGURED);
    }
}
