package io.mithrilj.aggregator.crypto.stm;

/**
 * Upstream {@code Parameters}: {@code m} lottery indices, quorum {@code k} distinct indices, and
 * {@code phiF}, the chance that a party holding all the stake wins one index. {@code m} and {@code k} are u64
 * (unsigned in a {@code long}).
 */
public record StmParameters(long m, long k, double phiF) {

    /** Byte codec: u64be(m) || u64be(k) || binary64be(phi_f) (24 bytes). */
    public byte[] toBytes() {
        byte[] b = new byte[24];
        Bytes.putU64be(b, 0, m);
        Bytes.putU64be(b, 8, k);
        Bytes.putU64be(b, 16, Double.doubleToRawLongBits(phiF));
        return b;
    }

    public static StmParameters fromBytes(byte[] bytes) throws StmException.SerializationError {
        if (bytes.length < 24) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "parameters need 24 bytes");
        }
        return new StmParameters(
                Bytes.getU64be(bytes, 0), Bytes.getU64be(bytes, 8), Double.longBitsToDouble(Bytes.getU64be(bytes, 16)));
    }
}
