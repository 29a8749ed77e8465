package io.mithrilj.aggregator.certifier;

import java.util.concurrent.Semaphore;

/**
 * One slot per core for the certifier's CPU-bound work: decoding and checking a received single signature (a G1
 * point, a pairing, the lottery), and the quorum cycle's aggregation and check of a new certificate. A mainnet burst
 * is ~1500 signatures within two seconds on twenty request threads: queued here, they neither crowd out each other
 * nor the runtime cycle, which takes a slot like any of them while it makes the certificate.
 */
public final class CpuSlots {
    private static final Semaphore SLOTS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

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
}
