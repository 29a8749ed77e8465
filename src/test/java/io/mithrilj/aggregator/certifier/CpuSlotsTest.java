package io.mithrilj.aggregator.certifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CpuSlotsTest {

    @Test
    void takingEverySlotWaitsForTheChecksUnderWayAndGoesAheadOfThoseQueuedAfterIt() throws Exception {
        CpuSlots.Slot check = CpuSlots.take();
        CountDownLatch certificateHasTheCores = new CountDownLatch(1);
        CompletableFuture<Void> certificate = CompletableFuture.runAsync(() -> {
            try (CpuSlots.Slot all = CpuSlots.takeAll()) {
                certificateHasTheCores.countDown();
                sleep(200);
            }
        });
        assertFalse(certificateHasTheCores.await(200, TimeUnit.MILLISECONDS), "a check under way holds a core");
        // a check that arrives now queues behind the certificate, though a slot is free
        long[] laterCheckAt = new long[1];
        CompletableFuture<Void> laterCheck = CompletableFuture.runAsync(() -> {
            sleep(50);
            try (CpuSlots.Slot slot = CpuSlots.take()) {
                laterCheckAt[0] = System.nanoTime();
            }
        });
        sleep(100);
        check.close();
        assertTrue(certificateHasTheCores.await(2, TimeUnit.SECONDS), "every slot taken once the check ended");
        long certificateStarted = System.nanoTime();
        assertThrowsTimeout(laterCheck, 100);
        certificate.get(2, TimeUnit.SECONDS);
        laterCheck.get(2, TimeUnit.SECONDS);
        assertTrue(laterCheckAt[0] - certificateStarted >= TimeUnit.MILLISECONDS.toNanos(150));
        // and every slot is back
        CompletableFuture<Void> again =
                CompletableFuture.runAsync(() -> CpuSlots.takeAll().close());
        again.get(2, TimeUnit.SECONDS);
    }

    private static void assertThrowsTimeout(CompletableFuture<Void> future, long millis) throws Exception {
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
            throw new AssertionError("a check ran while the certificate held every slot");
        } catch (TimeoutException expected) {
            // still waiting
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
