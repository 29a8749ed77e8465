/**
 * The Cardano node's immutable database on disk (upstream {@code mithril-cardano-node-internal-database}):
 * the immutable file listing and the last completed immutable file number.
 */
package io.mithrilj.aggregator.cardano.immutable;
