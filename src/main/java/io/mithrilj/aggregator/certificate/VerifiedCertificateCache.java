package io.mithrilj.aggregator.certificate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounded LRU set of hashes of certificates whose whole chain down to a genesis was verified (with
 * the verifier's genesis key). A walk that reaches one of them (with content still hashing to it)
 * stops there. Thread-safe.
 */
public final class VerifiedCertificateCache {
    private final int capacity;
    private final LinkedHashMap<String, Boolean> hashes;

    public VerifiedCertificateCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0");
        }
        this.capacity = capacity;
        this.hashes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > VerifiedCertificateCache.this.capacity;
            }
        };
    }

    /** A cache that remembers nothing. */
    public static VerifiedCertificateCache disabled() {
        return new VerifiedCertificateCache(0);
    }

    public synchronized boolean contains(String hash) {
        return hashes.get(hash) != null;
    }

    public synchronized void add(String hash) {
        if (capacity > 0) {
            hashes.put(hash, Boolean.TRUE);
        }
    }

    public synchronized void clear() {
        hashes.clear();
    }

    public synchronized int size() {
        return hashes.size();
    }
}
