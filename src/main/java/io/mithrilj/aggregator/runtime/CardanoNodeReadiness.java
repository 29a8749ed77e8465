package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ApiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Cardano node the chain observer reads (CHAIN_OBSERVER_TYPE {@code pallas} or {@code cardano-cli}):
 * down while the latest call the aggregator made to it failed, with the reason, up again as soon as a call is
 * answered. It never calls the node itself: the outcomes are those of the calls the runtime and the signer
 * registrations make anyway (every cycle reads the epoch and the chain point), reported by {@link
 * ReportingChainObserver}. Up before the first call, and always up on the devnet ({@code fake}).
 */
// @Default besides @Readiness: ChainBeans injects it into the node-backed observer
@Readiness
@Default
@ApplicationScoped
public class CardanoNodeReadiness implements HealthCheck {

    static final String NAME = "cardano node";

    /** The outcome of one call: {@code failure} is null when the node answered. */
    private record Outcome(long call, Instant at, String failure) {}

    private final String observerType;
    private final String source;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicReference<Outcome> latest = new AtomicReference<>();

    @Inject
    CardanoNodeReadiness(AggregatorConfig config) {
        this(config.chainObserverType(), config.cardanoNodeSocketPath().orElse(""));
    }

    CardanoNodeReadiness(String observerType, String socket) {
        this.observerType = observerType;
        this.source = socket;
    }

    /** A call to the node begins: its ticket orders its outcome among those of concurrent calls. */
    long callStarted() {
        return calls.incrementAndGet();
    }

    void answered(long call) {
        record(new Outcome(call, Instant.now(), null));
    }

    void failed(long call, String reason) {
        record(new Outcome(call, Instant.now(), reason));
    }

    /** The outcome of the latest call started wins: a slow call ending late does not hide what a later one saw. */
    private void record(Outcome outcome) {
        latest.accumulateAndGet(outcome, (known, next) -> known == null || next.call() > known.call() ? next : known);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("chain_observer", observerType);
        if (ApiSettings.DEVNET_OBSERVER.equals(observerType)) {
            return response.up()
                    .withData("chain", "the devnet's simulated chain")
                    .build();
        }
        response.withData("socket", source);
        Outcome last = latest.get();
        if (last == null) return response.up().withData("last_call", "none yet").build();
        response.withData("last_call", last.at().toString());
        if (last.failure() == null) return response.up().build();
        return response.down().withData("error", last.failure()).build();
    }
}
