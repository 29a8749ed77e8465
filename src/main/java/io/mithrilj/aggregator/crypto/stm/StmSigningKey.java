package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.BlsDecodingException;
import io.mithrilj.aggregator.crypto.stm.bls.BlsSecretKey;
import java.security.SecureRandom;

/** Upstream {@code BlsSigningKey}: a BLS secret scalar, 32 bytes big-endian. {@link #toString()} redacts. */
public final class StmSigningKey {

    private final BlsSecretKey key;

    private StmSigningKey(BlsSecretKey key) {
        this.key = key;
    }

    /** blst key_gen over 32 bytes drawn from the given CSPRNG (upstream {@code BlsSigningKey::generate}). */
    public static StmSigningKey generate(SecureRandom random) {
        return new StmSigningKey(BlsSecretKey.generate(random));
    }

    /** Deterministic key from 32 bytes of input keying material (tests, upstream goldens). */
    public static StmSigningKey fromSeed(byte[] ikm32) {
        return new StmSigningKey(BlsSecretKey.keyGen(ikm32));
    }

    /** Decodes 32 big-endian bytes, rejecting 0 and values &gt;= r. */
    public static StmSigningKey fromBytes(byte[] bytes) throws StmException.SerializationError {
        try {
            return new StmSigningKey(BlsSecretKey.fromBigEndian(bytes));
        } catch (BlsDecodingException e) {
            throw new StmException.SerializationError(StmException.Origin.BLS, e.getMessage());
        }
    }

    public byte[] toBytes() {
        return key.toBigEndian();
    }

    BlsSecretKey bls() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StmSigningKey k && key.equals(k.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "StmSigningKey[redacted]";
    }
}
