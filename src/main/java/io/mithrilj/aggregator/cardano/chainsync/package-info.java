/**
 * Local chain-sync (node-to-client protocol 5) and the block stream built on it (upstream
 * {@code PallasChainReader}, {@code ChainReaderBlockStreamer}): the reader CardanoTransactions imports from.
 */
package io.mithrilj.aggregator.cardano.chainsync;
