package io.mithrilj.aggregator.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one hand-off from the launcher (before Quarkus starts) to the started application: the process role,
 * the settings the launcher checked (so Quarkus' configuration uses the same resolution), the schema
 * migration it started while Quarkus boots, and the one-shot command to run, if any. Handed once per process,
 * immutable; absent when Quarkus was started without the launcher (tests), where {@link #current()} is empty
 * and the role is {@link ProcessRole#SERVE}.
 *
 * @param schemaMigration completes with a description of the schema the migration left (e.g. {@code version
 *     3, 3 migrations applied}), or fails with the reason; the first start-up observer waits for it
 * @param storeCommand the command of a {@link ProcessRole#STORE_COMMAND} process, giving its exit code
 */
public record Launch(
        ProcessRole role,
        ResolvedSettings settings,
        Optional<CompletableFuture<String>> schemaMigration,
        Optional<Callable<Integer>> storeCommand) {

    private static final SetOnce<Launch> CURRENT = new SetOnce<>();

    /** Hand the launch over; {@link IllegalStateException} when a launch was already handed over. */
    public static void handOver(Launch launch) {
        CURRENT.set(launch);
    }

    /** The launch handed over by the launcher, or empty when Quarkus was started without it. */
    public static Optional<Launch> current() {
        return CURRENT.get();
    }

    /** The settings of this process: the launcher's, or resolved now from the process (tests). */
    public static ResolvedSettings settingsOfProcess() {
        return current().map(Launch::settings).orElseGet(ResolvedSettings::fromProcess);
    }

    /** A value set at most once, then read by anyone. */
    static final class SetOnce<T> {
        private final AtomicReference<T> value = new AtomicReference<>();

        void set(T v) {
            if (v == null) throw new IllegalArgumentException("no value to set");
            if (!value.compareAndSet(null, v)) throw new IllegalStateException("already set");
        }

        Optional<T> get() {
            return Optional.ofNullable(value.get());
        }
    }

    /** The CDI side of the hand-off. */
    @Dependent
    static class Beans {
        @Produces
        @Dependent
        ProcessRole processRole() {
            return current().map(Launch::role).orElse(ProcessRole.SERVE);
        }
    }
}
