/**
 * Mithril eras (upstream {@code mithril-era}, {@code TxDatumBuilder}): the era markers, their signed payload as
 * upstream's era tooling writes it on chain, the transaction datum that carries it, the era reader with its
 * {@code bootstrap}, {@code cardano-chain}, {@code file} and {@code dummy} adapters.
 */
package io.mithrilj.aggregator.cardano.era;
