package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.BlsBatchVerifier;
import java.util.function.Consumer;

/**
 * Checks the BLS equations of single signatures received at the same time in randomised batches ({@link
 * BlsBatchVerifier}): given to {@link StmSingleSignature#verify(StmParameters, StmRegisteredParty,
 * StmAggregateVerificationKey, byte[], StmSignatureBatcher)}. One per process, shared by the threads that check
 * received signatures.
 */
public final class StmSignatureBatcher {
    final BlsBatchVerifier bls;

    /**
     * @param leaders batches checked at the same time (one per core)
     * @param maxBatch the most signatures in one batch
     * @param cpu runs a batch's check (e.g. inside a CPU slot)
     */
    public StmSignatureBatcher(int leaders, int maxBatch, Consumer<Runnable> cpu) {
        this.bls = new BlsBatchVerifier(leaders, maxBatch, cpu);
    }
}
