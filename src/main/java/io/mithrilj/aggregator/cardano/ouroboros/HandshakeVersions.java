package io.mithrilj.aggregator.cardano.ouroboros;

import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A handshake version table (pallas {@code VersionTable}): version number → encoded version data, proposed
 * in ascending order. Two tables exist: cardano-node node-to-client v10..v16 and the DMQ node's 4097.
 */
public record HandshakeVersions(SortedMap<Long, byte[]> versions, long magic) {

    /** Node-to-client versions carry bit 15. */
    public static final long NODE_TO_CLIENT_BIT = 0x8000;

    /** The DMQ node's only node-to-client version (bit 12 set). */
    public static final long DMQ_V1 = 4097;

    public HandshakeVersions {
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
    }

    /** What upstream proposes to a cardano-node (pallas {@code v10_and_above}): v10..v14 bare magic, v15, v16 {@code [magic, false]}. */
    public static HandshakeVersions nodeToClient(long magic) {
        TreeMap<Long, byte[]> table = new TreeMap<>();
        for (int n = 10; n <= 16; n++) {
            CborWriter w = new CborWriter();
            if (n >= 15) w.array(2).unsigned(magic).bool(false);
            else w.unsigned(magic);
            table.put(NODE_TO_CLIENT_BIT | n, w.toByteArray());
        }
        return new HandshakeVersions(table, magic);
    }

    /** What the aggregator proposes to its DMQ node: 4097 with {@code [magic, false]}. */
    public static HandshakeVersions dmq(long dmqMagic) {
        TreeMap<Long, byte[]> table = new TreeMap<>();
        table.put(
                DMQ_V1, new CborWriter().array(2).unsigned(dmqMagic).bool(false).toByteArray());
        return new HandshakeVersions(table, dmqMagic);
    }

    /** {@code [0, {version => data}]}. */
    public byte[] proposeMessage() {
        CborWriter w = new CborWriter().array(2).unsigned(0).map(versions.size());
        versions.forEach((v, data) -> w.unsigned(v).raw(data));
        return w.toByteArray();
    }

    /** The network magic inside version data: a bare uint, or the first element of {@code [magic, query]}. */
    public static long magicOf(byte[] versionData) {
        CborReader r = new CborReader(versionData);
        return switch (r.peekType()) {
            case UNSIGNED -> r.readUnsigned();
            case ARRAY -> {
                r.readArrayHeader();
                yield r.readUnsigned();
            }
            default ->
                throw new io.mithrilj.aggregator.cardano.cbor.CborException(
                        io.mithrilj.aggregator.cardano.cbor.CborException.Kind.UNEXPECTED,
                        0,
                        "version data has no magic");
        };
    }
}
