package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import java.util.Arrays;
import java.util.Optional;

/**
 * Upstream {@code Signer}: signs {@code msgp = msg || root} and plays the lottery for indices {@code 0 .. m-1}.
 * {@link #toString()} redacts the key.
 */
public final class StmSigner {

    private final long signerIndex;
    private final long stake;
    private final StmParameters params;
    private final StmSigningKey sk;
    private final StmVerificationKey vk;
    private final StmAggregateVerificationKey avk;

    /** Upstream {@code Signer::set_signer}: the signer index is taken as given. */
    public StmSigner(
            long signerIndex,
            long stake,
            StmParameters params,
            StmSigningKey sk,
            StmVerificationKey vk,
            StmAggregateVerificationKey avk) {
        this.signerIndex = signerIndex;
        this.stake = stake;
        this.params = params;
        this.sk = sk;
        this.vk = vk;
        this.avk = avk;
    }

    /** The signature, or empty if no index is won. */
    public Optional<StmSingleSignature> sign(byte[] message) {
        byte[] msgp = avk.concatenateWithMessage(message);
        G1Point sigma = sk.bls().sign(msgp);
        StmLottery.Threshold t = StmLottery.threshold(stake, avk.totalStake(), params.phiF());
        byte[] sig = sigma.bytesView();
        long[] won = new long[16];
        int count = 0;
        for (long i = 0; Long.compareUnsigned(i, params.m()) < 0; i++) {
            if (StmLottery.isWon(t, msgp, i, sig)) {
                if (count == won.length) {
                    won = Arrays.copyOf(won, count * 2);
                }
                won[count++] = i;
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new StmSingleSignature(sigma, Arrays.copyOf(won, count), signerIndex));
    }

    public long signerIndex() {
        return signerIndex;
    }

    public StmVerificationKey verificationKey() {
        return vk;
    }

    @Override
    public String toString() {
        return "StmSigner[index=" + signerIndex + ", stake=" + Long.toUnsignedString(stake) + ", sk=redacted]";
    }
}
