package io.mithrilj.aggregator.crypto.stm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Upstream {@code AggregateVerificationKey}: the Merkle root of the registered parties, the number of leaves
 * and the total stake. Only the root enters the signed message ({@code msgp = msg || root}).
 *
 * <p>Codec (mithril-common): json-hex
 * {@code {"mt_commitment":{"root":[32 ints],"nr_leaves":n,"hasher":null},"total_stake":s}}; fallback bytes-hex
 * in bincode 2 standard form {@code varint(32) || root || varint(nr_leaves) || varint(total_stake)}.
 */
public final class StmAggregateVerificationKey {

    private final byte[] root;
    private final long nrLeaves;
    private final long totalStake;

    public StmAggregateVerificationKey(byte[] root, long nrLeaves, long totalStake) {
        if (root.length != 32) {
            throw new IllegalArgumentException("root must be 32 bytes");
        }
        this.root = root.clone();
        this.nrLeaves = nrLeaves;
        this.totalStake = totalStake;
    }

    /** The key of a closed registration. */
    public static StmAggregateVerificationKey of(StmClosedKeyRegistration registration) {
        return registration.aggregateVerificationKey();
    }

    public byte[] root() {
        return root.clone();
    }

    byte[] rootView() {
        return root;
    }

    public long nrLeaves() {
        return nrLeaves;
    }

    public long totalStake() {
        return totalStake;
    }

    /** {@code msgp = msg || root}: what is signed, hashed to G1 and fed to the lottery. */
    public byte[] concatenateWithMessage(byte[] message) {
        byte[] out = Arrays.copyOf(message, message.length + 32);
        System.arraycopy(root, 0, out, message.length, 32);
        return out;
    }

    public static StmAggregateVerificationKey decode(String hex) throws StmException.SerializationError {
        byte[] raw = Bytes.fromHex(hex, true);
        try {
            return fromJson(Json.parse(raw));
        } catch (StmException.SerializationError jsonFailure) {
            try {
                return fromBincode(Bytes.fromHex(hex, false));
            } catch (StmException.SerializationError bytesFailure) {
                jsonFailure.addSuppressed(bytesFailure);
                throw jsonFailure;
            }
        }
    }

    static StmAggregateVerificationKey fromJson(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "aggregate verification key");
        Map<String, Object> mt = Json.object(Json.field(o, "mt_commitment"), "mt_commitment");
        byte[] root = Json.bytes(Json.field(mt, "root"), 32, "root");
        long leaves = Json.u64(Json.field(mt, "nr_leaves"), "nr_leaves");
        Json.field(mt, "hasher");
        return new StmAggregateVerificationKey(root, leaves, Json.u64(Json.field(o, "total_stake"), "total_stake"));
    }

    /** bincode 2.0 {@code config::standard()} form (varint integers, length-prefixed root). */
    public static StmAggregateVerificationKey fromBincode(byte[] bytes) throws StmException.SerializationError {
        int[] pos = {0};
        long len = readVarint(bytes, pos);
        if (len != 32 || bytes.length - pos[0] < 32) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "bincode root must be 32 bytes");
        }
        byte[] root = Arrays.copyOfRange(bytes, pos[0], pos[0] + 32);
        pos[0] += 32;
        long leaves = readVarint(bytes, pos);
        long stake = readVarint(bytes, pos);
        if (pos[0] != bytes.length) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "trailing bytes after bincode AVK");
        }
        return new StmAggregateVerificationKey(root, leaves, stake);
    }

    public byte[] toBincode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        writeVarint(out, 32);
        out.writeBytes(root);
        writeVarint(out, nrLeaves);
        writeVarint(out, totalStake);
        return out.toByteArray();
    }

    private static long readVarint(byte[] b, int[] pos) throws StmException.SerializationError {
        if (pos[0] >= b.length) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "truncated bincode");
        }
        int tag = b[pos[0]++] & 0xff;
        int size = switch (tag) {
            case 251 -> 2;
            case 252 -> 4;
            case 253 -> 8;
            default -> 0;
        };
        if (tag < 251) {
            return tag;
        }
        if (size == 0 || b.length - pos[0] < size) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "bad bincode varint");
        }
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (b[pos[0] + i] & 0xff);
        }
        pos[0] += size;
        return v;
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        if (v >= 0 && v < 251) {
            out.write((int) v);
            return;
        }
        int size;
        if (v >= 0 && v < 1L << 16) {
            out.write(251);
            size = 2;
        } else if (v >= 0 && v < 1L << 32) {
            out.write(252);
            size = 4;
        } else {
            out.write(253);
            size = 8;
        }
        for (int i = 0; i < size; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    public String toJson() {
        StringBuilder b = new StringBuilder(200);
        b.append("{\"mt_commitment\":{\"root\":");
        Json.writeBytes(b, root).append(",\"nr_leaves\":");
        Json.writeU64(b, nrLeaves).append(",\"hasher\":null},\"total_stake\":");
        Json.writeU64(b, totalStake).append('}');
        return b.toString();
    }

    /** json-hex, the form mithril-common emits. */
    public String toJsonHex() {
        return Json.toHex(new StringBuilder(toJson()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmAggregateVerificationKey k
                && Arrays.equals(root, k.root)
                && nrLeaves == k.nrLeaves
                && totalStake == k.totalStake;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(root) * 31 + Long.hashCode(nrLeaves) * 17 + Long.hashCode(totalStake);
    }

    @Override
    public String toString() {
        return "StmAggregateVerificationKey[root=" + Bytes.HEX.formatHex(root) + ", nrLeaves="
                + Long.toUnsignedString(nrLeaves) + ", totalStake=" + Long.toUnsignedString(totalStake) + "]";
    }
}
