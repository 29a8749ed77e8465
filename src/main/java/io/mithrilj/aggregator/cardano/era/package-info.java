/**
 * Mithril eras: the era markers, their signed payload as upstream's era tooling writes it on chain, and the
 * transaction datum that carries it (upstream {@code mithril-era}, {@code TxDatumBuilder}).
 */
package io.mithrilj.aggregator.cardano.era;
