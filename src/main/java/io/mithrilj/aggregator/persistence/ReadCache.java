package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Read-through cache of served JSON texts (as UTF-8 bytes, encoded once), valid for one store generation
 * ({@link StoreChanges}). Every entry carries the generation observed before it was loaded and is served only
 * while the generation is still that one, so a write (by this or another process) makes every earlier load
 * unservable at once, whatever the interleaving of readers; a result whose load overlapped a write is not
 * kept; nothing is cached or served while change notifications are down. Absent results are not cached
 * (arbitrary ids would fill it). Bounded in bytes: the oldest entries are evicted, an entry larger than the
 * bound is not kept.
 */
public final class ReadCache {

    /** Setting of the bound of each cache, in bytes (environment {@code MITHRIL_READ_CACHE_MAX_BYTES}). */
    public static final String MAX_BYTES_PROPERTY = "mithril.read-cache.max-bytes";

    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** Rough heap cost of an entry beyond its bytes and key: map nodes, record, array headers. */
    private static final int ENTRY_OVERHEAD = 96;

    private record Entry(long generation, byte[] bytes, long weight) {}

    private final StoreChanges changes;
    private final long maxBytes;
    /** Lock-free reads; writes go through {@link #order} under the lock so that the byte total holds. */
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The same entries in insertion order (eviction order); guarded by {@code this}. */
    private final LinkedHashMap<String, Entry> order = new LinkedHashMap<>();
    /** Bytes held; guarded by {@code this}. */
    private long weight;
    /** Highest generation whose older entries were dropped; guarded by {@code this}. */
    private long purgedBelow;

    public ReadCache(StoreChanges changes, long maxBytes) {
        if (maxBytes <= 0) throw new IllegalArgumentException("read cache bound must be positive, got " + maxBytes);
        this.changes = changes;
        this.maxBytes = maxBytes;
    }

    /** A cache bounded by the {@value #MAX_BYTES_PROPERTY} setting (default {@value #DEFAULT_MAX_BYTES}). */
    public static ReadCache configured(StoreChanges changes) {
        String text = ConfigProvider.getConfig()
                .getOptionalValue(MAX_BYTES_PROPERTY, String.class)
                .orElse(Long.toString(DEFAULT_MAX_BYTES));
        long bound;
        try {
            bound = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            bound = -1;
        }
        if (bound <= 0) {
            throw new IllegalArgumentException(
                    MAX_BYTES_PROPERTY + " must be a positive number of bytes, got '" + text + "'");
        }
        return new ReadCache(changes, bound);
    }

    /** The UTF-8 bytes of the loaded text, from the cache when valid. */
    public Uni<Optional<byte[]>> get(String key, Supplier<Uni<Optional<String>>> loader) {
        if (!changes.live()) return loader.get().map(ReadCache::utf8);
        long before = changes.generation();
        Entry hit = entries.get(key);
        if (hit != null) {
            // the live check after the generation read: a connection lost meanwhile has bumped the generation
            if (hit.generation() == before && changes.live())
                return Uni.createFrom().item(Optional.of(hit.bytes()));
            drop(key, hit);
        }
        return loader.get().map(ReadCache::utf8).invoke(found -> found.ifPresent(bytes -> keep(key, before, bytes)));
    }

    public Uni<byte[]> getAlways(String key, Supplier<Uni<String>> loader) {
        return get(key, () -> loader.get().map(Optional::of)).map(Optional::orElseThrow);
    }

    /** Bytes held now (never above the bound). */
    public synchronized long weight() {
        return weight;
    }

    private void keep(String key, long loadedAt, byte[] bytes) {
        // an entry of an older generation could be stored below, but is never served (see get)
        if (!changes.live() || changes.generation() != loadedAt) return;
        long entryWeight = bytes.length + 2L * key.length() + ENTRY_OVERHEAD;
        if (entryWeight > maxBytes) return;
        synchronized (this) {
            purgeOlderThan(loadedAt);
            Entry old = order.remove(key);
            if (old != null) {
                if (old.generation() > loadedAt) { // a newer load got there first: keep it
                    order.put(key, old);
                    return;
                }
                weight -= old.weight();
            }
            Iterator<Map.Entry<String, Entry>> oldest = order.entrySet().iterator();
            while (weight + entryWeight > maxBytes && oldest.hasNext()) {
                Map.Entry<String, Entry> evicted = oldest.next();
                oldest.remove();
                entries.remove(evicted.getKey(), evicted.getValue());
                weight -= evicted.getValue().weight();
            }
            Entry entry = new Entry(loadedAt, bytes, entryWeight);
            order.put(key, entry);
            entries.put(key, entry);
            weight += entryWeight;
        }
    }

    private synchronized void drop(String key, Entry stale) {
        if (order.remove(key, stale)) {
            entries.remove(key, stale);
            weight -= stale.weight();
        }
    }

    /** Entries of older generations can never be served again: free their bytes. Guarded by {@code this}. */
    private void purgeOlderThan(long generation) {
        if (generation <= purgedBelow) return;
        purgedBelow = generation;
        Iterator<Map.Entry<String, Entry>> it = order.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (e.getValue().generation() < generation) {
                it.remove();
                entries.remove(e.getKey(), e.getValue());
                weight -= e.getValue().weight();
            }
        }
    }

    private static Optional<byte[]> utf8(Optional<String> text) {
        return text.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }
}
