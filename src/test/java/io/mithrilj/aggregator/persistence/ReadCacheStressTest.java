package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Vetoed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link ReadCache} under concurrent reads and writes, and its bound in bytes. */
class ReadCacheStressTest {

    private static final Duration T = Duration.ofSeconds(10);

    /** Store changes driven by the test: always live, generation bumped by the "writes". Not a bean. */
    @Vetoed
    static class FakeChanges extends StoreChanges {
        final AtomicLong generation = new AtomicLong();

        @Override
        public long generation() {
            return generation.get();
        }

        @Override
        public boolean live() {
            return true;
        }
    }

    @Test
    void noReadStartedAfterAWriteReturnsAValueLoadedBeforeIt() throws Exception {
        // a caller may be descheduled right after reading the generation: widen that window
        FakeChanges changes = new FakeChanges() {
            @Override
            public long generation() {
                long g = super.generation();
                spin(java.util.concurrent.ThreadLocalRandom.current().nextInt(300));
                return g;
            }
        };
        ReadCache cache = new ReadCache(changes, 1 << 20);
        AtomicLong stored = new AtomicLong(); // the "database": one counter per write
        AtomicLong notified = new AtomicLong(); // highest value whose write was notified (bump done)
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> violation = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        int writers = 2;
        int readers = 16;
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                await(go);
                SplittableRandom random = new SplittableRandom(7);
                while (!stop.get()) {
                    long value = stored.incrementAndGet();
                    changes.generation.incrementAndGet(); // the notification of that write
                    notified.accumulateAndGet(value, Math::max);
                    spin(random.nextInt(200));
                }
            }));
        }
        for (int r = 0; r < readers; r++) {
            long seed = r;
            threads.add(Thread.ofPlatform().start(() -> {
                await(go);
                SplittableRandom random = new SplittableRandom(seed);
                while (!stop.get() && violation.get() == null) {
                    String key = "k" + random.nextInt(2);
                    long floor = notified.get();
                    byte[] got = cache.get(
                                    key,
                                    () -> Uni.createFrom().item(() -> {
                                        long value = stored.get();
                                        spin(random.nextInt(50)); // a slow query: writes land meanwhile
                                        return Optional.of(Long.toString(value));
                                    }))
                            .await()
                            .atMost(T)
                            .orElseThrow();
                    long value = Long.parseLong(new String(got, StandardCharsets.UTF_8));
                    reads.incrementAndGet();
                    if (value < floor) {
                        violation.compareAndSet(
                                null,
                                "read of " + key + " returned " + value + " after write " + floor + " was notified");
                    }
                }
            }));
        }
        go.countDown();
        Thread.sleep(3_000);
        stop.set(true);
        for (Thread t : threads) t.join();
        assertThat(violation.get())
                .as("stale read after " + reads.get() + " reads")
                .isNull();
        assertThat(reads.get()).isGreaterThan(1000);
    }

    @Test
    void theBoundIsInBytesAndNeverExceeded() {
        FakeChanges changes = new FakeChanges();
        int bound = 16 * 1024;
        ReadCache cache = new ReadCache(changes, bound);
        String kilobytes4 = "x".repeat(4 * 1024);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            cache.get("c" + i, () -> {
                        loads.incrementAndGet();
                        return Uni.createFrom().item(Optional.of(kilobytes4));
                    })
                    .await()
                    .atMost(T);
            // count what is still held: a held entry answers without loading
            int held = 0;
            for (int j = 0; j <= i; j++) {
                int before = loads.get();
                String key = "c" + j;
                cache.get(key, () -> {
                            loads.incrementAndGet();
                            return Uni.createFrom().item(Optional.<String>empty()); // not re-added
                        })
                        .await()
                        .atMost(T);
                if (loads.get() == before) held++;
            }
            assertThat((long) held * kilobytes4.length())
                    .as("bytes held after %d inserts of 4 KiB", i + 1)
                    .isLessThanOrEqualTo(bound);
        }
        // a text larger than the whole bound is served but not kept
        String huge = "y".repeat(bound + 1);
        for (int i = 0; i < 2; i++) {
            cache.get("huge", () -> {
                        loads.incrementAndGet();
                        return Uni.createFrom().item(Optional.of(huge));
                    })
                    .await()
                    .atMost(T);
        }
        int before = loads.get();
        cache.get("huge", () -> {
                    loads.incrementAndGet();
                    return Uni.createFrom().item(Optional.of(huge));
                })
                .await()
                .atMost(T);
        assertThat(loads.get()).as("an entry over the bound is never kept").isEqualTo(before + 1);
    }

    private static void spin(int iterations) {
        for (int i = 0; i < iterations; i++) Thread.onSpinWait();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
