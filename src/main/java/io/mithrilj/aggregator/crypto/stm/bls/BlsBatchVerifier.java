package io.mithrilj.aggregator.crypto.stm.bls;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link Bls#verify} for many callers at once: signatures that wait while others are being checked are checked
 * together, in one randomised batch per message ({@code e(Σ r_i σ_i, G2) == e(H(msg), Σ r_i vk_i)} with 64-bit random
 * {@code r_i}): one hash to G1, two Miller loops and one final exponentiation for the batch instead of each. A batch
 * that fails is checked again one signature at a time, so that every caller gets the answer of its own signature
 * (a bad signature in a batch costs its neighbours one more check, never a wrong answer). A caller alone gets the
 * plain {@link Bls#verify}: no waiting is added to form a batch; batches form under load only.
 *
 * <p>Combining: there is no thread of its own. A caller whose signature has not been taken into a batch becomes a
 * leader when fewer than {@code leaders} batches are being checked; it takes its own signature and up to {@code
 * maxBatch - 1} others of the same message, checks them inside {@code cpu} (where the caller bounds CPU-bound work),
 * then returns to waiting for its own answer if another leader took it. The verification keys must be validated
 * points (registered keys: decoded with their subgroup check and their proof of possession checked), as for {@link
 * Bls#verifyRandomized}; the signatures are group-checked by the caller before (as {@code StmSingleSignature} does).
 * A batch's false acceptance has probability 2^-64 per bad signature.
 */
public final class BlsBatchVerifier {
    private static final int SCALAR_BITS = 64;

    private final int leaders;
    private final int maxBatch;
    private final Consumer<Runnable> cpu;
    private final SecureRandom random = new SecureRandom();

    // guarded by this
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int leading;
    private int checking;

    /**
     * @param leaders batches checked at the same time (one per core)
     * @param maxBatch the most signatures in one batch
     * @param cpu runs a batch's check (e.g. inside a CPU slot)
     */
    public BlsBatchVerifier(int leaders, int maxBatch, Consumer<Runnable> cpu) {
        if (leaders < 1) throw new IllegalArgumentException("leaders must be at least 1, got " + leaders);
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        this.leaders = leaders;
        this.maxBatch = maxBatch;
        this.cpu = Objects.requireNonNull(cpu, "cpu");
    }

    private static final class Pending {
        final G1Point signature;
        final G2Point vk;
        final byte[] message;
        boolean taken;
        boolean done;
        boolean valid;
        RuntimeException failure;

        Pending(G1Point signature, G2Point vk, byte[] message) {
            this.signature = signature;
            this.vk = vk;
            this.message = message;
        }
    }

    /** Whether {@code e(signature, G2) == e(H(message), vk)}; see the class comment for the preconditions. */
    public boolean verify(G1Point signature, G2Point vk, byte[] message) {
        Pending mine = new Pending(
                Objects.requireNonNull(signature, "signature"),
                Objects.requireNonNull(vk, "vk"),
                Objects.requireNonNull(message, "message"));
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.addLast(mine);
            }
            while (true) {
                List<Pending> batch;
                synchronized (this) {
                    while (!mine.done && (mine.taken || leading >= leaders)) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the answer is still owed: keep waiting, restore the flag after
                        }
                    }
                    if (mine.done) {
                        if (mine.failure != null) throw mine.failure;
                        return mine.valid;
                    }
                    leading++;
                    batch = takeBatch(mine);
                    checking += batch.size();
                }
                try {
                    boolean[] checked = {false};
                    cpu.accept(() -> {
                        check(batch);
                        checked[0] = true;
                    });
                    // never an answer that was not computed: a cpu that dropped the work fails the batch
                    if (!checked[0]) throw new IllegalStateException("the batch's check was not run by " + cpu);
                } catch (RuntimeException | Error e) {
                    RuntimeException failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    for (Pending p : batch) p.failure = failure;
                } finally {
                    synchronized (this) {
                        for (Pending p : batch) p.done = true;
                        checking -= batch.size();
                        leading--;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Signatures given and not answered yet (queued or being checked); call holding this object's lock. */
    int queuedForTests() {
        return queue.size() + checking;
    }

    /** Mine, then the oldest waiting signatures of the same message, up to maxBatch; marked taken. */
    private List<Pending> takeBatch(Pending mine) {
        List<Pending> batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
        queue.remove(mine);
        mine.taken = true;
        batch.add(mine);
        for (Iterator<Pending> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
            Pending p = it.next();
            if (Arrays.equals(p.message, mine.message)) {
                it.remove();
                p.taken = true;
                batch.add(p);
            }
        }
        return batch;
    }

    /** Sets every pending's answer (outside the lock: the batch is this leader's alone). */
    private void check(List<Pending> batch) {
        if (batch.size() > 1 && verifyBatch(batch)) {
            for (Pending p : batch) p.valid = true;
            return;
        }
        for (Pending p : batch) {
            p.valid = Bls.verify(p.signature, p.vk, p.message);
        }
    }

    private boolean verifyBatch(List<Pending> batch) {
        int n = batch.size();
        List<G1Point> signatures = new ArrayList<>(n);
        List<G2Point> vks = new ArrayList<>(n);
        for (Pending p : batch) {
            signatures.add(p.signature);
            vks.add(p.vk);
        }
        byte[] scalars = new byte[n * (SCALAR_BITS / 8)];
        random.nextBytes(scalars);
        // both sums on this thread: the caller's cpu bound is the place to decide on parallelism
        G1Point sigma = Bls.msmG1(signatures, scalars, SCALAR_BITS);
        G2Point vk = Bls.msmG2(vks, scalars, SCALAR_BITS);
        return Bls.verifyWithoutGroupChecks(sigma, vk, batch.get(0).message);
    }
}
