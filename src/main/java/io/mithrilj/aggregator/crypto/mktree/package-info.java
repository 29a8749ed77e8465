/**
 * The Merkle tree of certified artifacts (upstream {@code mithril-common::crypto_helper::merkle_tree}):
 * {@link io.mithrilj.aggregator.crypto.mktree.MKTree}, a Merkle Mountain Range over unhashed leaves
 * merged with Blake2s-256, its nodes ({@link io.mithrilj.aggregator.crypto.mktree.MKTreeNode}) and
 * membership proofs ({@link io.mithrilj.aggregator.crypto.mktree.MKProof}). Used by the
 * CardanoStakeDistribution, CardanoDatabase and CardanoTransactions signables. Plain Java on
 * BouncyCastle; no I/O.
 */
package io.mithrilj.aggregator.crypto.mktree;
