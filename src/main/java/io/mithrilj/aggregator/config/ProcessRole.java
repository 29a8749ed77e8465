package io.mithrilj.aggregator.config;

/**
 * What this process was started for, an injectable bean ({@link Launch#role}): {@code serve} (HTTP API,
 * metrics server, start record) or a one-shot command on the stores (no port, nothing recorded). The runtime
 * will split serving into leader, follower and devnet.
 */
public enum ProcessRole {
    /** {@code mithril-aggregator serve}: the long-running service. */
    SERVE,
    /** A one-shot command on the stores ({@code genesis …}, {@code database …}, {@code tools …}). */
    STORE_COMMAND;

    /** Whether this process serves (opens ports, records its start). */
    public boolean serves() {
        return this == SERVE;
    }
}
