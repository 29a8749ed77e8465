package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.crypto.kes.Bech32;
import java.util.HexFormat;
import java.util.Map;

/**
 * The local state queries the pallas chain observer sends in the Conway era (spec cardano-node.md §2.3, the bytes
 * inside {@code MsgQuery}) and {@code MsgResult} answers for {@link NodeDouble#answer}, built from values.
 */
public final class NodeQueries {

    public static final String CURRENT_ERA = "820082028101";
    public static final String EPOCH_NO = "8200820082068101";
    public static final String CHAIN_POINT = "8103";
    public static final String CHAIN_BLOCK_NO = "8102";
    public static final String GENESIS_CONFIG = "820082008206810b";
    public static final String STAKE_SNAPSHOTS = "820082008206821480";

    /** Conway's hard-fork era index. */
    public static final int CONWAY = 6;

    private static final HexFormat HEX = HexFormat.of();

    private NodeQueries() {}

    /** {@code [4, eraIndex]}. */
    public static String eraResult(int eraIndex) {
        return hex(result().unsigned(eraIndex));
    }

    /** {@code [4, [epoch]]}. */
    public static String epochResult(long epoch) {
        return hex(result().array(1).unsigned(epoch));
    }

    /** {@code [4, [slot, hash]]}. */
    public static String chainPointResult(long slot, String blockHashHex) {
        return hex(result().array(2).unsigned(slot).bytes(HEX.parseHex(blockHashHex)));
    }

    /** {@code [4, [1, blockNo]]}. */
    public static String blockNoResult(long blockNumber) {
        return hex(result().array(2).unsigned(1).unsigned(blockNumber));
    }

    /** Upstream's mock genesis: [2021,150,0], magic 42, id 42, 30([6,10]), 2160, 432000, slots per KES period, 62, 1, 5, 2. */
    public static String genesisResult(long slotsPerKesPeriod) {
        return hex(result().array(1)
                .array(11)
                .array(3)
                .unsigned(2021)
                .unsigned(150)
                .unsigned(0)
                .unsigned(42)
                .unsigned(42)
                .tag(30)
                .array(2)
                .unsigned(6)
                .unsigned(10)
                .unsigned(2160)
                .unsigned(432000)
                .unsigned(slotsPerKesPeriod)
                .unsigned(62)
                .unsigned(1)
                .unsigned(5)
                .unsigned(2));
    }

    /**
     * {@code [4, [[{poolHash => [mark, set, go]}, markTotal, setTotal, goTotal]]]}: each pool's stake in the three
     * snapshots, pools given by their bech32 {@code pool1…} ids.
     */
    public static String stakeSnapshotsResult(Map<String, Long> stakeByPoolId) {
        CborWriter w = result().array(1).array(4).map(stakeByPoolId.size());
        long total = 0;
        for (Map.Entry<String, Long> pool : stakeByPoolId.entrySet()) {
            long stake = pool.getValue();
            w.bytes(Bech32.decode(pool.getKey()).data())
                    .array(3)
                    .unsigned(stake)
                    .unsigned(stake)
                    .unsigned(stake);
            total += stake;
        }
        return hex(w.unsigned(total).unsigned(total).unsigned(total));
    }

    private static CborWriter result() {
        return new CborWriter().array(2).unsigned(4);
    }

    private static String hex(CborWriter w) {
        return HEX.formatHex(w.toByteArray());
    }
}
