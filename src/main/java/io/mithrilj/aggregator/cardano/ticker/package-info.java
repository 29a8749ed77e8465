/** The ticker (upstream {@code mithril-ticker}): the time point from the chain observer and the immutable database. */
package io.mithrilj.aggregator.cardano.ticker;
