package io.mithrilj.aggregator.artifact.snapshot;

import io.mithrilj.aggregator.artifact.archive.FileArchive;

/**
 * The two archives of a legacy full snapshot (upstream {@code CardanoImmutableFilesFullArtifactBuilder}):
 * {@code <base>.tar.<ext>} with every completed immutable file and {@code <base>.ancillary.tar.<ext>}. The artifact's
 * {@code size} and {@code ancillary_size} are their {@link FileArchive#archiveSize()}.
 */
public record LegacySnapshotArchives(FileArchive immutables, FileArchive ancillary) {}
