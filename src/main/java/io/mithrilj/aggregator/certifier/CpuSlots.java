package io.mithrilj.aggregator.certifier;

import java.util.concurrent.Semaphore;

/**
 * One slot per core for the certifier's CPU-bound work: decoding and checking a received single signature (a G1
 * point, a pairing, the lottery), and the quorum cycle's aggregation and check of a new certificate. A mainnet burst
 * is ~1500 signatures within two seconds on twenty request threads: queued here, they neither crowd out each other
 * nor the runtime cycle, which takes every slot while it makes the certificate.
 */
public final class CpuSlots {
    private static final int PER_CORE = Runtime.getRuntime().availableProcessors();
    private static final Semaphore SLOTS = new Semaphore(PER_CORE, true);

    private CpuSlots() {}

    /** A slot held until closed. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes a slot, waiting for one; {@code try (var slot = CpuSlots.take()) { ... }}. */
    public static Slot take() {
        SLOTS.acquireUninterruptibly();
        return SLOTS::release;
    }

    /**
     * Takes every slot, waiting for the checks under way to end (and, the semaphore being fair, ahead of those that
     * queue after it): the quorum cycle's certificate then has the cores to itself, while the signatures still
     * arriving wait in their queue for the time it takes.
     */
    public static Slot takeAll() {
        int all = PER_CORE;
        SLOTS.acquireUninterruptibly(all);
        return () -> SLOTS.release(all);
    }
}
