package io.mithrilj.aggregator.devnet;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settable clock for driving the simulated chain by hand (tests, benchmarks): time moves only when
 * {@link #set} or {@link #advance} is called. Thread-safe.
 */
public final class DevnetClock implements InstantSource {
    private final AtomicReference<Instant> now;

    public DevnetClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock to {@code instant} (backwards too: a test may replay). */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    /** Moves the clock forward by {@code step} and returns the new instant. */
    public Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("cannot advance the clock by a negative duration: " + step);
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    @Override
    public String toString() {
        return "DevnetClock[" + now.get() + "]";
    }
}
