/**
 * The Cardano node's immutable database on disk (upstream {@code mithril-cardano-node-internal-database}):
 * the immutable file listing, the last completed immutable file number, the chunk reader, and the immutable
 * file digester (with its {@link io.mithrilj.aggregator.cardano.immutable.DigestCache} port) whose digests feed
 * the CardanoImmutableFilesFull and CardanoDatabase signables.
 */
package io.mithrilj.aggregator.cardano.immutable;
