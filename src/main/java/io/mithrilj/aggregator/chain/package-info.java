/**
 * What the aggregator observes of the Cardano chain (upstream {@code mithril-cardano-node-chain},
 * {@code mithril-ticker}): the {@link io.mithrilj.aggregator.chain.ChainObserver} port with its time point
 * and the last immutable file number. Implemented by the devnet's simulated chain and by the node-to-client
 * and cardano-cli observers of {@code cardano.observer}; the era reader and its adapters live in
 * {@code cardano.era}.
 */
package io.mithrilj.aggregator.chain;
