package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.BlsDecodingException;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;

/**
 * Upstream {@code BlsVerificationKey}: a G2 point, 96 bytes compressed. Decoding performs upstream's
 * {@code key_validate} (on curve, in the subgroup, not infinity); any failure is a serialization error.
 */
public final class StmVerificationKey implements Comparable<StmVerificationKey> {

    private final G2Point point;

    StmVerificationKey(G2Point point) {
        this.point = point;
    }

    public static StmVerificationKey fromBytes(byte[] bytes) throws StmException.SerializationError {
        try {
            G2Point p = G2Point.decompress(bytes);
            p.validateAsKey();
            return new StmVerificationKey(p);
        } catch (BlsDecodingException e) {
            throw new StmException.SerializationError(StmException.Origin.BLS, "verification key: " + e.getMessage());
        }
    }

    /** The key of a signing key. */
    public static StmVerificationKey of(StmSigningKey sk) {
        return new StmVerificationKey(sk.bls().publicKeyG2());
    }

    public byte[] toBytes() {
        return point.toBytes();
    }

    public G2Point point() {
        return point;
    }

    /** Unsigned lexicographic order of the compressed bytes. */
    @Override
    public int compareTo(StmVerificationKey o) {
        return point.compareTo(o.point);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmVerificationKey k && point.equals(k.point);
    }

    @Override
    public int hashCode() {
        return point.hashCode();
    }

    @Override
    public String toString() {
        return "StmVerificationKey[" + Bytes.HEX.formatHex(point.bytesView()) + "]";
    }
}
