/**
 * What the aggregator observes of the Cardano chain (upstream {@code mithril-cardano-node-chain},
 * {@code mithril-era}, {@code mithril-ticker}): the {@link io.mithrilj.aggregator.chain.ChainObserver}
 * port with its time point, the last immutable file number, and the era reader's adapter port. Implemented
 * by the devnet's simulated chain, the node-to-client client ({@code cardano}) and the cardano-cli runner.
 */
package io.mithrilj.aggregator.chain;
