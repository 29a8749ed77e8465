/**
 * Cardano blocks of every era as the aggregator reads them (upstream {@code ScannedBlock} over pallas-traverse):
 * block hash, number, slot and transaction ids from the original bytes.
 */
package io.mithrilj.aggregator.cardano.block;
