package io.mithrilj.aggregator.crypto.stm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Upstream {@code MerkleBatchPath}: sibling hashes for a set of leaves, and the leaf indices. */
public final class StmMerkleBatchPath {

    private final List<byte[]> values;
    private final long[] indices;

    public StmMerkleBatchPath(List<byte[]> values, long[] indices) {
        this.values = List.copyOf(values.stream().map(byte[]::clone).toList());
        this.indices = indices.clone();
    }

    public List<byte[]> values() {
        return values.stream().map(byte[]::clone).toList();
    }

    public long[] indices() {
        return indices.clone();
    }

    /**
     * Upstream {@code verify_leaves_membership_from_batch_path}: the leaves (in the order given) with this
     * path must hash to {@code root}. Leftover values and the relation between {@code indices} and signer
     * indices are deliberately not checked (upstream does not).
     */
    public void verify(List<StmRegisteredParty> leaves, byte[] root, long nrLeaves)
            throws StmException.BatchPathInvalid, StmException.SerializationError {
        if (leaves.size() != indices.length) {
            throw new StmException.BatchPathInvalid(
                    "leaf count " + leaves.size() + " != index count " + indices.length);
        }
        for (int i = 1; i < indices.length; i++) {
            if (Long.compareUnsigned(indices[i - 1], indices[i]) > 0) {
                throw new StmException.BatchPathInvalid("indices are not sorted");
            }
        }
        if (indices.length == 0) {
            throw new StmException.BatchPathInvalid("empty batch path");
        }
        long p = StmMerkleTree.nextPowerOfTwo(nrLeaves);
        long total = nrLeaves + p - 1;
        int count = indices.length;
        byte[][] h = new byte[count][];
        long[] pos = new long[count];
        for (int i = 0; i < count; i++) {
            h[i] = Bytes.b2b256(leaves.get(i).toBytes());
            pos[i] = p - 1 + indices[i];
            if (indices[i] < 0 || pos[i] < 0) {
                throw new StmException.BatchPathInvalid("index out of range");
            }
        }
        int v = 0;
        while (pos[0] > 0) {
            byte[][] nh = new byte[count][];
            long[] np = new long[count];
            int nc = 0;
            int j = 0;
            while (j < count) {
                long q = pos[j];
                byte[] hash;
                if ((q & 1) == 0) {
                    if (v >= values.size()) {
                        throw new StmException.SerializationError(
                                StmException.Origin.MERKLE_TREE, "batch path has too few values");
                    }
                    hash = Bytes.b2b256(values.get(v++), h[j]);
                    j++;
                } else if (j + 1 < count && pos[j + 1] == q + 1) {
                    hash = Bytes.b2b256(h[j], h[j + 1]);
                    j += 2;
                } else if (q + 1 < total) {
                    if (v >= values.size()) {
                        throw new StmException.SerializationError(
                                StmException.Origin.MERKLE_TREE, "batch path has too few values");
                    }
                    hash = Bytes.b2b256(h[j], values.get(v++));
                    j++;
                } else {
                    hash = Bytes.b2b256(h[j], StmMerkleTree.PAD);
                    j++;
                }
                nh[nc] = hash;
                np[nc] = (q - 1) / 2;
                nc++;
            }
            h = nh;
            pos = np;
            count = nc;
        }
        if (count != 1 || !Arrays.equals(h[0], root)) {
            throw new StmException.BatchPathInvalid("path does not lead to the root");
        }
    }

    // ---- codecs ----------------------------------------------------------------------------

    /** {@code u64be(#values) || u64be(#indices) || values || u64be(index)...}. */
    public byte[] toBytes() {
        byte[] out = new byte[16 + 32 * values.size() + 8 * indices.length];
        Bytes.putU64be(out, 0, values.size());
        Bytes.putU64be(out, 8, indices.length);
        int off = 16;
        for (byte[] value : values) {
            System.arraycopy(value, 0, out, off, value.length);
            off += 32;
        }
        for (long i : indices) {
            Bytes.putU64be(out, off, i);
            off += 8;
        }
        return out;
    }

    static StmMerkleBatchPath fromBytes(Bytes.Reader r) throws StmException.SerializationError {
        long nv = r.u64();
        long ni = r.u64();
        if (nv < 0 || ni < 0 || nv > r.remaining() / 32 || ni > r.remaining() / 8) {
            throw new StmException.SerializationError(StmException.Origin.MERKLE_TREE, "truncated batch path");
        }
        List<byte[]> values = new ArrayList<>();
        for (long i = 0; i < nv; i++) {
            values.add(r.take(32));
        }
        long[] indices = new long[(int) ni];
        for (int i = 0; i < ni; i++) {
            indices[i] = r.u64();
        }
        return new StmMerkleBatchPath(values, indices);
    }

    void writeJson(StringBuilder b) {
        b.append("{\"values\":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            Json.writeBytes(b, values.get(i));
        }
        b.append("],\"indices\":[");
        for (int i = 0; i < indices.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            Json.writeU64(b, indices[i]);
        }
        b.append("],\"hasher\":null}");
    }

    static StmMerkleBatchPath fromJson(Object node) throws StmException.SerializationError {
        Map<String, Object> o = Json.object(node, "batch_proof");
        List<byte[]> values = new ArrayList<>();
        for (Object v : Json.array(Json.field(o, "values"), "values")) {
            values.add(Json.bytes(v, -1, "value"));
        }
        List<Object> idx = Json.array(Json.field(o, "indices"), "indices");
        long[] indices = new long[idx.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = Json.u64(idx.get(i), "index");
        }
        Json.field(o, "hasher");
        return new StmMerkleBatchPath(values, indices);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StmMerkleBatchPath p)
                || p.values.size() != values.size()
                || !Arrays.equals(indices, p.indices)) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Arrays.equals(values.get(i), p.values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices) * 31 + values.size();
    }
}
