package io.mithrilj.aggregator.cardano.block;

import io.mithrilj.aggregator.cardano.cbor.CborException;
import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Decodes a multi-era block {@code [eraTag, block]} (pallas-traverse {@code MultiEraBlock}, as upstream's
 * chain reader uses it) into a {@link ScannedBlock}, reading only what it needs and hashing the received
 * bytes of headers and transaction bodies, never a re-encoding.
 *
 * <p>Era tags: 0 Byron boundary block, 1 Byron, 2..7 Shelley, Allegra, Mary, Alonzo, Babbage, Conway. Byron
 * slots use mainnet's 21,600 slots per epoch, as pallas does. One decoder per thread (it keeps a digest).
 */
public final class BlockDecoder {

    /** pallas {@code GenesisValues::default()}: Byron epochs of 21,600 slots. */
    static final long BYRON_SLOTS_PER_EPOCH = 21_600;

    private static final HexFormat HEX = HexFormat.of();

    private final Blake2bDigest digest = new Blake2bDigest(256);
    private final byte[] out = new byte[32];

    /** Decodes one block; its bytes must be exactly the item. */
    public ScannedBlock decode(byte[] block) {
        return decode(block, 0, block.length);
    }

    public ScannedBlock decode(byte[] data, int offset, int length) {
        try {
            CborReader r = new CborReader(data, offset, length);
            r.readArrayHeader(2, "multi-era block");
            int tag = r.readSmallUnsigned();
            ScannedBlock block = switch (tag) {
                case 0 -> byronBoundary(r);
                case 1 -> byronMain(r);
                case 2, 3, 4, 5, 6, 7 -> shelleyOnwards(r);
                default -> throw new BlockDecodingException("unknown era tag " + tag, null);
            };
            r.expectEnd();
            return block;
        } catch (CborException e) {
            throw new BlockDecodingException("the cbor encoded block could not be parsed: " + e.getMessage(), e);
        }
    }

    /** Shelley to Conway: {@code [header, txBodies, witnessSets, auxData, ? invalidTxs]}, header {@code [[blockNo, slot, …], kesSig]}. */
    private ScannedBlock shelleyOnwards(CborReader r) {
        int fields = r.readArrayHeader();
        if (fields != 4 && fields != 5) throw new BlockDecodingException("a block of " + fields + " fields", null);
        CborSpan header = r.readRaw();
        CborReader h = header.reader();
        h.readArrayHeader(2, "block header");
        int bodyFields = h.readArrayHeader();
        if (bodyFields >= 0 && bodyFields < 2)
            throw new BlockDecodingException("a header body of " + bodyFields + " fields", null);
        long blockNumber = h.readUnsigned();
        long slot = h.readUnsigned();

        List<CborSpan> bodies = new ArrayList<>();
        int n = r.readArrayHeader();
        for (int i = 0; r.hasNext(n, i); i++) bodies.add(r.readRaw());
        int witnesses = 0;
        int w = r.readArrayHeader();
        for (; r.hasNext(w, witnesses); witnesses++) r.skip();
        r.skip(); // auxiliary data
        if (fields == 5) r.skip(); // invalid transactions: still listed, as pallas does

        // a body without a witness set is not a transaction (pallas zips bodies with witness sets)
        int count = Math.min(bodies.size(), witnesses);
        List<String> txs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) txs.add(hash(null, bodies.get(i)));
        return new ScannedBlock(hash(null, header), blockNumber, slot, txs);
    }

    /** Byron main block: {@code [header, body, extra]}, header {@code [magic, prev, proof, [[epoch, slot], key, [difficulty], sig], extra]}. */
    private ScannedBlock byronMain(CborReader r) {
        r.readArrayHeader(3, "Byron block");
        CborSpan header = r.readRaw();
        CborReader h = header.reader();
        h.readArrayHeader(5, "Byron header");
        h.skip();
        h.skip();
        h.skip();
        h.readArrayHeader(4, "Byron consensus data");
        h.readArrayHeader(2, "Byron slot id");
        long epoch = h.readUnsigned();
        long slotInEpoch = h.readUnsigned();
        h.skip();
        h.readArrayHeader(1, "Byron difficulty");
        long blockNumber = h.readUnsigned();

        int bodyFields = r.readArrayHeader();
        if (bodyFields < 1) throw new BlockDecodingException("a Byron body without a transaction payload", null);
        List<String> txs = new ArrayList<>();
        int n = r.readArrayHeader();
        for (int i = 0; r.hasNext(n, i); i++) {
            int parts = r.readArrayHeader();
            if (parts != 2) throw new BlockDecodingException("a Byron transaction of " + parts + " parts", null);
            txs.add(hash(null, r.readRaw()));
            r.skip(); // witnesses
        }
        for (int i = 1; r.hasNext(bodyFields, i); i++) r.skip();
        r.skip(); // extra
        return new ScannedBlock(
                hash(BYRON_MAIN_PREFIX, header), blockNumber, epoch * BYRON_SLOTS_PER_EPOCH + slotInEpoch, txs);
    }

    /** Byron epoch boundary block: {@code [header, body, extra]}, header {@code [magic, prev, proof, [epoch, [difficulty]], extra]}. */
    private ScannedBlock byronBoundary(CborReader r) {
        r.readArrayHeader(3, "Byron boundary block");
        CborSpan header = r.readRaw();
        CborReader h = header.reader();
        h.readArrayHeader(5, "Byron boundary header");
        h.skip();
        h.skip();
        h.skip();
        h.readArrayHeader(2, "Byron boundary consensus data");
        long epoch = h.readUnsigned();
        h.readArrayHeader(1, "Byron difficulty");
        long blockNumber = h.readUnsigned();
        r.skip();
        r.skip();
        return new ScannedBlock(
                hash(BYRON_BOUNDARY_PREFIX, header), blockNumber, epoch * BYRON_SLOTS_PER_EPOCH, List.of());
    }

    // pallas hashes Byron headers as the 2-element array [tag, header] they are wrapped in
    private static final byte[] BYRON_BOUNDARY_PREFIX = {(byte) 0x82, 0x00};
    private static final byte[] BYRON_MAIN_PREFIX = {(byte) 0x82, 0x01};

    private String hash(byte[] prefix, CborSpan span) {
        if (prefix != null) digest.update(prefix, 0, prefix.length);
        digest.update(span.source(), span.start(), span.length());
        digest.doFinal(out, 0);
        return HEX.formatHex(out);
    }
}
