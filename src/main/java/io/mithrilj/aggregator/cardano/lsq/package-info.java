/**
 * Local state query (node-to-client protocol 7) as upstream's pallas observer uses it: acquire the tip, the
 * seven queries of the chain observer and their results.
 */
package io.mithrilj.aggregator.cardano.lsq;
