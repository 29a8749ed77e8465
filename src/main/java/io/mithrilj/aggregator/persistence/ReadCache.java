package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Read-through cache of served JSON texts (as UTF-8 bytes, encoded once), valid for one store generation ({@link StoreChanges}): any
 * write to the served tables, by this or another process, empties it; a result read while a write
 * happened is not kept; nothing is cached while change notifications are down. Absent results are not
 * cached (arbitrary ids would fill it). Bounded: emptied when it reaches {@code maxEntries}.
 */
public final class ReadCache {

    private final StoreChanges changes;
    private final int maxEntries;
    private final ConcurrentHashMap<String, byte[]> entries = new ConcurrentHashMap<>();
    private volatile long generation = -1;

    public ReadCache(StoreChanges changes, int maxEntries) {
        this.changes = changes;
        this.maxEntries = maxEntries;
    }

    /** The UTF-8 bytes of the loaded text, from the cache when valid. */
    public Uni<Optional<byte[]>> get(String key, Supplier<Uni<Optional<String>>> loader) {
        if (!changes.live()) return loader.get().map(ReadCache::utf8);
        long current = changes.generation();
        if (current != generation) {
            synchronized (this) {
                if (current != generation) {
                    entries.clear();
                    generation = current;
                }
            }
        }
        byte[] hit = entries.get(key);
        if (hit != null) return Uni.createFrom().item(Optional.of(hit));
        return loader.get().map(ReadCache::utf8).invoke(found -> {
            if (found.isEmpty() || !changes.live() || changes.generation() != current) return;
            if (entries.size() >= maxEntries) entries.clear();
            if (generation == current) entries.put(key, found.get());
        });
    }

    private static Optional<byte[]> utf8(Optional<String> text) {
        return text.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public Uni<byte[]> getAlways(String key, Supplier<Uni<String>> loader) {
        return get(key, () -> loader.get().map(Optional::of)).map(Optional::orElseThrow);
    }
}
