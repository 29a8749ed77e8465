/**
 * The Ouroboros node-to-client transport (pallas {@code pallas-network} as upstream uses it): the multiplexer
 * over a Unix-domain socket, the handshake with its version tables, the networks' magics, typed errors.
 * Shared by the cardano-node clients and the DMQ client.
 */
package io.mithrilj.aggregator.cardano.ouroboros;
