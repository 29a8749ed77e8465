package io.mithrilj.aggregator.dmq;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The health of the DMQ signature consumer, as the ops console shows it; the DMQ consumer will implement it. */
public interface DmqStatus {

    /** The status now. */
    Snapshot snapshot();

    /**
     * @param socketPath DMQ_NODE_SOCKET_PATH, empty when DMQ is not configured
     * @param consumerRunning whether a consumer reads the socket (false until the DMQ consumer is built)
     * @param connected whether the consumer is connected to the DMQ node now
     * @param lastMessageAt when the last message was received
     * @param accepted messages accepted (single signatures stored or buffered)
     * @param refused messages refused
     * @param summary one line for an operator
     */
    record Snapshot(
            Optional<String> socketPath,
            boolean consumerRunning,
            boolean connected,
            Optional<Instant> lastMessageAt,
            long accepted,
            long refused,
            String summary) {
        public Snapshot {
            Objects.requireNonNull(socketPath, "socketPath");
            Objects.requireNonNull(lastMessageAt, "lastMessageAt");
            Objects.requireNonNull(summary, "summary");
        }

        public boolean configured() {
            return socketPath.isPresent();
        }
    }
}
