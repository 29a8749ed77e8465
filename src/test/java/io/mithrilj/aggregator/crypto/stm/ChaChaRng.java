package io.mithrilj.aggregator.crypto.stm;

import org.bouncycastle.crypto.engines.ChaChaEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** rand_chacha's ChaCha20Rng: the plain ChaCha20 keystream, key = seed, 64-bit nonce 0, counter from 0. */
final class ChaChaRng {

    private final ChaChaEngine engine = new ChaChaEngine(20);

    ChaChaRng(byte[] seed) {
        engine.init(true, new ParametersWithIV(new KeyParameter(seed), new byte[8]));
    }

    static ChaChaRng zeroSeed() {
        return new ChaChaRng(new byte[32]);
    }

    byte[] next(int n) {
        byte[] out = new byte[n];
        engine.processBytes(new byte[n], 0, n, out, 0);
        return out;
    }

    StmSigningKey nextKey() {
        return StmSigningKey.fromSeed(next(32));
    }
}
