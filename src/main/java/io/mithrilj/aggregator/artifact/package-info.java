/**
 * Artifacts of the signed entity types (upstream {@code artifact_builder} and the artifact routes' services):
 * the stored artifact messages served by the API, the immutable-file digests and snapshot locations.
 */
package io.mithrilj.aggregator.artifact;
