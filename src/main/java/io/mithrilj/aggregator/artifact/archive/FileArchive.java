package io.mithrilj.aggregator.artifact.archive;

import java.nio.file.Path;

/**
 * A published archive (upstream {@code FileArchive}): its path, its size on disk, the total size of the files it
 * holds, and its compression.
 */
public record FileArchive(Path path, long archiveSize, long uncompressedSize, CompressionAlgorithm algorithm) {}
