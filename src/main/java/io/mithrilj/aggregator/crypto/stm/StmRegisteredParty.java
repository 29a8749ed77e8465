package io.mithrilj.aggregator.crypto.stm;

/** Upstream {@code MerkleTreeConcatenationLeaf} / {@code RegisteredParty}: a verification key with its registered stake. */
public record StmRegisteredParty(StmVerificationKey vk, long stake) {

    /** Leaf value {@code vk (96) || u64be(stake)} = 104 bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[104];
        System.arraycopy(vk.point().bytesView(), 0, out, 0, 96);
        Bytes.putU64be(out, 96, stake);
        return out;
    }

    static StmRegisteredParty fromBytes(Bytes.Reader r) throws StmException.SerializationError {
        StmVerificationKey vk = StmVerificationKey.fromBytes(r.take(96));
        return new StmRegisteredParty(vk, r.u64());
    }

    void writeJson(StringBuilder b) {
        b.append('[');
        Json.writeBytes(b, vk.point().bytesView()).append(',');
        Json.writeU64(b, stake).append(']');
    }

    static StmRegisteredParty fromJson(Object node) throws StmException.SerializationError {
        var l = Json.array(node, "registered party");
        if (l.size() != 2) {
            throw new StmException.SerializationError(
                    StmException.Origin.CODEC, "registered party must be [vk, stake]");
        }
        return new StmRegisteredParty(
                StmVerificationKey.fromBytes(Json.bytes(l.get(0), 96, "vk")), Json.u64(l.get(1), "stake"));
    }
}
