package io.mithrilj.aggregator.cardano.lsq;

import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import io.mithrilj.aggregator.cardano.cbor.CborType;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.lsq.LocalStateQueryException.Kind;
import io.mithrilj.aggregator.cardano.ouroboros.Multiplexer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client side of local state query (protocol 7, pallas {@code localstate::Client} with the
 * {@code queries_v16} encoders) with the seven queries the aggregator asks. Acquire the volatile tip once,
 * ask, release: every answer then comes from one ledger state.
 */
public final class LocalStateQueryClient {

    public static final int PROTOCOL = 7;

    /** Era index of Conway in the hard-fork combinator (0 Byron … 6 Conway). */
    public static final int CONWAY = 6;

    private final Multiplexer mux;

    public LocalStateQueryClient(Multiplexer mux) {
        this.mux = mux;
    }

    /** {@code MsgAcquire} of the volatile tip {@code [8]}; {@code [1]} is acquired, {@code [2, n]} a failure. */
    public void acquireVolatileTip() {
        mux.send(PROTOCOL, new CborWriter().array(1).unsigned(8).toByteArray());
        CborReader r = reply();
        int n = r.readArrayHeader();
        long tag = r.readUnsigned();
        if (tag == 1 && n == 1) return;
        if (tag == 2 && n == 2) {
            long why = r.readUnsigned();
            throw new LocalStateQueryException(
                    Kind.ACQUIRE_FAILED,
                    "the node could not acquire the tip: " + (why == 0 ? "point too old" : "point not on chain"),
                    null);
        }
        throw unexpected("MsgAcquired", tag);
    }

    /** {@code MsgRelease [5]} then {@code MsgDone [7]}. */
    public void releaseAndDone() {
        mux.send(PROTOCOL, new CborWriter().array(1).unsigned(5).toByteArray());
        mux.send(PROTOCOL, new CborWriter().array(1).unsigned(7).toByteArray());
    }

    /** {@code MsgQuery [3, query]} → the result of {@code MsgResult [4, result]}, its exact bytes. */
    public CborSpan query(byte[] query) {
        mux.send(PROTOCOL, new CborWriter().array(2).unsigned(3).raw(query).toByteArray());
        CborReader r = reply();
        int n = r.readArrayHeader();
        long tag = r.readUnsigned();
        if (tag != 4 || n != 2) throw unexpected("MsgResult", tag);
        CborSpan result = r.readRaw();
        r.expectEnd();
        return result;
    }

    private CborReader reply() {
        return new CborReader(mux.receive(PROTOCOL));
    }

    private LocalStateQueryException unexpected(String expected, long tag) {
        return new LocalStateQueryException(
                Kind.UNEXPECTED_RESULT, mux.peer() + " sent message " + tag + " where " + expected + " was due", null);
    }

    // ---- the queries (query = [0, ledgerQuery] | [2] GetChainBlockNo | [3] GetChainPoint) ----

    /** {@code [0, [0, [era, blockQuery]]]}: an era-specific ledger query. */
    private static CborWriter blockQuery(int era) {
        return new CborWriter()
                .array(2)
                .unsigned(0)
                .array(2)
                .unsigned(0)
                .array(2)
                .unsigned(era);
    }

    /** GetCurrentEra {@code [0,[2,[1]]]}: the era index (bare, not wrapped). */
    public int currentEra() {
        byte[] q = new CborWriter()
                .array(2)
                .unsigned(0)
                .array(2)
                .unsigned(2)
                .array(1)
                .unsigned(1)
                .toByteArray();
        return decode(query(q), "GetCurrentEra", CborReader::readSmallUnsigned);
    }

    /** GetEpochNo {@code [0,[0,[era,[1]]]]}. */
    public long epochNo(int era) {
        byte[] q = blockQuery(era).array(1).unsigned(1).toByteArray();
        return decodeEraResult(query(q), "GetEpochNo", CborReader::readUnsigned);
    }

    /** GetChainPoint {@code [3]}: {@code []} at the origin or {@code [slot, hash]}. */
    public Point chainPoint() {
        return decode(query(new CborWriter().array(1).unsigned(3).toByteArray()), "GetChainPoint", Point::read);
    }

    /** GetChainBlockNo {@code [2]}: {@code [1, blockNo]}, or {@code [0]} at the origin (empty here). */
    public Optional<Long> chainBlockNo() {
        return decode(query(new CborWriter().array(1).unsigned(2).toByteArray()), "GetChainBlockNo", r -> {
            int n = r.readArrayHeader();
            long tag = r.readUnsigned();
            if (tag == 0 && n == 1) return Optional.<Long>empty();
            if (tag != 1 || n != 2)
                throw new CborException(CborException.Kind.UNEXPECTED, r.position(), "block number tag " + tag);
            return Optional.of(r.readUnsigned());
        });
    }

    /** GetGenesisConfig {@code [0,[0,[era,[11]]]]}: only {@code slotsPerKESPeriod} (index 6) is read. */
    public long slotsPerKesPeriod(int era) {
        byte[] q = blockQuery(era).array(1).unsigned(11).toByteArray();
        return decodeEraResult(query(q), "GetGenesisConfig", r -> {
            r.skipTag();
            int n = r.readArrayHeader();
            if (n >= 0 && n < 7)
                throw new CborException(
                        CborException.Kind.UNEXPECTED, r.position(), "genesis config of " + n + " fields");
            for (int i = 0; i < 6; i++) r.skip();
            r.skipTag();
            long slotsPerKesPeriod = r.readUnsigned();
            // the node may send more fields than pallas names: skip whatever follows
            for (int i = 7; r.hasNext(n, i); i++) r.skip();
            return slotsPerKesPeriod;
        });
    }

    /** GetStakeSnapshots(all pools) {@code [0,[0,[era,[20,[]]]]]}: pool key hash (hex) → mark stake, in wire order. */
    public Map<String, Long> stakeSnapshotMark(int era) {
        byte[] q = blockQuery(era).array(2).unsigned(20).array(0).toByteArray();
        return decodeStakeSnapshotMark(query(q));
    }

    /** The GetStakeSnapshots result {@code [[{pool => [mark, set, go]}, markTotal, setTotal, goTotal]]}: pool (hex) → mark. */
    public static Map<String, Long> decodeStakeSnapshotMark(CborSpan result) {
        return decodeEraResult(result, "GetStakeSnapshots", r -> {
            int n = r.readArrayHeader();
            if (n != 4)
                throw new CborException(
                        CborException.Kind.UNEXPECTED, r.position(), "stake snapshots of " + n + " fields");
            int pools = r.readMapHeader();
            Map<String, Long> mark = new LinkedHashMap<>();
            HexFormat hex = HexFormat.of();
            for (int i = 0; r.hasNext(pools, i); i++) {
                String pool = hex.formatHex(r.readBytes());
                int stakes = r.readArrayHeader();
                if (stakes != 3)
                    throw new CborException(
                            CborException.Kind.UNEXPECTED, r.position(), "pool stakes of " + stakes + " values");
                long m = r.readUnsigned();
                r.readUnsigned();
                r.readUnsigned();
                mark.put(pool, m);
            }
            for (int i = 0; i < 3; i++) r.readUnsigned();
            return mark;
        });
    }

    /**
     * GetUTxOByAddress {@code [0,[0,[era,[6,[addr]]]]]}: the inline datums (their CBOR bytes) of the outputs, in the
     * result's map order. Outputs without an inline datum (legacy outputs, datum hashes) are skipped.
     */
    public List<byte[]> inlineDatumsAt(int era, byte[] addressBytes) {
        byte[] q = blockQuery(era)
                .array(2)
                .unsigned(6)
                .array(1)
                .bytes(addressBytes)
                .toByteArray();
        return decodeEraResult(query(q), "GetUTxOByAddress", r -> {
            List<byte[]> datums = new ArrayList<>();
            int n = r.readMapHeader();
            for (int i = 0; r.hasNext(n, i); i++) {
                r.skip(); // [txId, index]
                if (r.peekType() != CborType.MAP) {
                    r.skip(); // a legacy output cannot carry an inline datum
                    continue;
                }
                int fields = r.readMapHeader();
                for (int f = 0; r.hasNext(fields, f); f++) {
                    long key = r.readUnsigned();
                    if (key != 2) {
                        r.skip();
                        continue;
                    }
                    int opt = r.readArrayHeader();
                    long kind = r.readUnsigned();
                    if (kind == 1 && opt == 2) {
                        long tag = r.readTag();
                        if (tag != 24)
                            throw new CborException(
                                    CborException.Kind.UNEXPECTED, r.position(), "inline datum tag " + tag);
                        datums.add(r.readBytes());
                    } else {
                        for (int k = 1; r.hasNext(opt, k); k++) r.skip();
                    }
                }
            }
            return datums;
        });
    }

    // ---- result decoding ----

    private interface ResultReader<T> {
        T read(CborReader r);
    }

    private static <T> T decode(CborSpan result, String query, ResultReader<T> reader) {
        try {
            CborReader r = result.reader();
            T value = reader.read(r);
            r.expectEnd();
            return value;
        } catch (CborException e) {
            throw new LocalStateQueryException(
                    Kind.UNEXPECTED_RESULT, "the " + query + " result cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** Era-specific results: {@code [value]} is success, a 2-element array the era-mismatch form. */
    private static <T> T decodeEraResult(CborSpan result, String query, ResultReader<T> reader) {
        return decode(result, query, r -> {
            int n = r.readArrayHeader();
            if (n == 2)
                throw new LocalStateQueryException(
                        Kind.ERA_MISMATCH, "the " + query + " query was for another era than the ledger's", null);
            if (n != 1)
                throw new CborException(
                        CborException.Kind.UNEXPECTED, r.position(), "an era result of " + n + " elements");
            return reader.read(r);
        });
    }
}
