package io.mithrilj.aggregator.cardano.immutable;

import java.util.Collection;
import java.util.Map;

/**
 * The immutable file digest cache (upstream {@code ImmutableFileDigestCacheProvider}): file name ({@code
 * 00042.chunk}) to its SHA-256 hex digest. Immutable files never change once completed, so a cached digest is
 * never stale; the PostgreSQL implementation lives with the runtime (table {@code immutable_file_digest}).
 */
public interface DigestCache {

    /** The cached digests of those of {@code fileNames} that are in the cache; absent names are misses. */
    Map<String, String> get(Collection<String> fileNames);

    /** Records newly computed digests, keyed by file name. */
    void put(Map<String, String> digests);
}
