package io.mithrilj.aggregator.artifact.snapshot;

import io.mithrilj.aggregator.artifact.archive.CompressionAlgorithm;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-trio archives of a Cardano database snapshot (upstream {@code ImmutableArtifactBuilder}'s archives and
 * sizes): {@code archives} holds {@code NNNNN.tar.<ext>} for every immutable file number 0..=N, in order;
 * {@code totalSizeUncompressed} is upstream's {@code total_immutables}, the summed size of the files of trios 1..=N
 * (trio 0 is not counted), and {@code averageSizeUncompressed} is that total divided by N, rounded down.
 */
public record ImmutableArchives(
        List<Path> archives,
        long totalSizeUncompressed,
        long averageSizeUncompressed,
        CompressionAlgorithm compressionAlgorithm) {
    public ImmutableArchives {
        archives = List.copyOf(archives);
    }
}
