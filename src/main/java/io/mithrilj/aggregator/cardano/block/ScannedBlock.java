package io.mithrilj.aggregator.cardano.block;

import java.util.List;

/**
 * What the aggregator keeps of a block (upstream {@code ScannedBlock}): its hash, number and slot, and the
 * ids of its transactions in block order, all lower-case hex of Blake2b-256 over the original bytes.
 */
public record ScannedBlock(String blockHash, long blockNumber, long slotNumber, List<String> transactionHashes) {
    public ScannedBlock {
        transactionHashes = List.copyOf(transactionHashes);
    }
}
