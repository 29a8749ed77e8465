package io.mithrilj.aggregator.crypto.stm;

/** Test access to the raw BLS signature of a key. */
final class StmSignerAccess {
    private StmSignerAccess() {}

    static byte[] sign(StmSigningKey sk, byte[] message) {
        return sk.bls().sign(message).toBytes();
    }
}
