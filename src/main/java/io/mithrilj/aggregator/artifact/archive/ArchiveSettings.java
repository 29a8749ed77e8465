package io.mithrilj.aggregator.artifact.archive;

import java.util.Objects;

/**
 * How archives are compressed (upstream {@code SNAPSHOT_COMPRESSION_ALGORITHM} and {@code ZstandardCompressionParameters}):
 * the algorithm, and for zstandard the level (1..22) and the number of worker threads (0 = no multithreading).
 * The zstd fields are ignored for gzip, which always uses level 6 as upstream.
 */
public record ArchiveSettings(CompressionAlgorithm algorithm, int zstdLevel, int zstdWorkers) {
    public static final int MIN_ZSTD_LEVEL = 1;
    public static final int MAX_ZSTD_LEVEL = 22;
    // zstd's own ceiling for worker threads (ZSTDMT_NBWORKERS_MAX on 64-bit)
    public static final int MAX_ZSTD_WORKERS = 200;
    public static final int GZIP_LEVEL = 6;

    public ArchiveSettings {
        Objects.requireNonNull(algorithm, "compression algorithm");
        if (zstdLevel < MIN_ZSTD_LEVEL || zstdLevel > MAX_ZSTD_LEVEL) {
            throw new IllegalArgumentException("ZSTANDARD_PARAMETERS__LEVEL must be between " + MIN_ZSTD_LEVEL + " and "
                    + MAX_ZSTD_LEVEL + ", got " + zstdLevel);
        }
        if (zstdWorkers < 0 || zstdWorkers > MAX_ZSTD_WORKERS) {
            throw new IllegalArgumentException("ZSTANDARD_PARAMETERS__NUMBER_OF_WORKERS must be between 0 and "
                    + MAX_ZSTD_WORKERS + " (0 disables multithreading), got " + zstdWorkers);
        }
    }

    /** Upstream's defaults: zstandard, level 9, 4 workers. */
    public static ArchiveSettings defaults() {
        return new ArchiveSettings(CompressionAlgorithm.ZSTANDARD, 9, 4);
    }

    /** gzip at its fixed level; the zstd fields keep upstream's defaults. */
    public static ArchiveSettings gzip() {
        return new ArchiveSettings(CompressionAlgorithm.GZIP, 9, 4);
    }

    public static ArchiveSettings zstandard(int level, int workers) {
        return new ArchiveSettings(CompressionAlgorithm.ZSTANDARD, level, workers);
    }
}
