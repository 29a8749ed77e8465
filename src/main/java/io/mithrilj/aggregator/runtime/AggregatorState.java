package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.chain.TimePoint;
import java.util.Objects;
import java.util.Optional;

/** Upstream {@code AggregatorState}: the closed set of states of the runtime. */
public sealed interface AggregatorState {

    /** The short name logs, metrics and the console show. */
    String name();

    /** Waiting for an epoch transition; {@code previous} is the time point of the last successful one. */
    record Idle(Optional<TimePoint> previous) implements AggregatorState {
        public Idle {
            Objects.requireNonNull(previous, "previous");
        }

        @Override
        public String name() {
            return "Idle";
        }
    }

    /** Ready to open a message of a signed entity type that has none yet for the current beacon. */
    record Ready(TimePoint timePoint) implements AggregatorState {
        public Ready {
            Objects.requireNonNull(timePoint, "timePoint");
        }

        @Override
        public String name() {
            return "Ready";
        }
    }

    /** Collecting single signatures for an open message. */
    record Signing(TimePoint timePoint, OpenMessage openMessage) implements AggregatorState {
        public Signing {
            Objects.requireNonNull(timePoint, "timePoint");
            Objects.requireNonNull(openMessage, "openMessage");
        }

        @Override
        public String name() {
            return "Signing";
        }
    }
}
