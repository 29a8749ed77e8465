package io.mithrilj.aggregator.chain;

/**
 * A point of the chain (upstream {@code ChainPoint}): slot number, block number and the block's hash as
 * lower-case hex ({@code ""} at the origin).
 */
public record ChainPoint(long slotNumber, long blockNumber, String blockHash) {
    public ChainPoint {
        if (slotNumber < 0 || blockNumber < 0) throw new IllegalArgumentException("negative slot or block number");
        if (blockHash == null) throw new IllegalArgumentException("block hash is null");
    }
}
