/**
 * Chain observers on a real Cardano node (upstream {@code mithril-cardano-node-chain::chain_observer}): the
 * node-socket one ({@code pallas}, the default) and the {@code cardano-cli} one, both implementing
 * {@link io.mithrilj.aggregator.chain.ChainObserver}; Plutus datums rendered as cardano-cli JSON.
 */
package io.mithrilj.aggregator.cardano.observer;
