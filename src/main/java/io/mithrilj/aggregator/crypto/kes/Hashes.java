package io.mithrilj.aggregator.crypto.kes;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Blake2b helpers. */
final class Hashes {
    private Hashes() {}

    static byte[] blake2b(int bits, byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(bits);
        for (byte[] p : parts) {
            digest.update(p, 0, p.length);
        }
        byte[] out = new byte[bits / 8];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] blake2b256(byte[]... parts) {
        return blake2b(256, parts);
    }

    static byte[] blake2b224(byte[]... parts) {
        return blake2b(224, parts);
    }
}
