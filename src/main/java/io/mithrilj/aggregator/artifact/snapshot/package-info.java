/**
 * The Cardano database snapshotter (upstream {@code services/snapshotter} and the archive steps of
 * {@code artifact_builder/cardano_database_artifacts}): one archive per immutable trio, the ancillary archive with its
 * Ed25519-signed manifest, the digests file and its archive, and the legacy full snapshot archives. Plain Java on the
 * archiver; the artifact builders upload what it produces.
 */
package io.mithrilj.aggregator.artifact.snapshot;
