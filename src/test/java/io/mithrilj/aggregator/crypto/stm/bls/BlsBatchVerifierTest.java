package io.mithrilj.aggregator.crypto.stm.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlsBatchVerifierTest {
    private static final byte[] MESSAGE = "the open message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_MESSAGE = "another open message".getBytes(StandardCharsets.US_ASCII);

    private record Case(G1Point signature, G2Point vk, byte[] message, boolean valid) {}

    /** Signer i signs {@code message}; every fifth signature is signer i's over the other message (invalid here). */
    private static List<Case> cases(int n, byte[] message, byte[] other) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BlsSecretKey key = BlsSecretKey.keyGen(
                    ("signer " + i + " of the batch test, 32 bytes at least").getBytes(StandardCharsets.US_ASCII));
            boolean valid = i % 5 != 3;
            cases.add(new Case(key.sign(valid ? message : other), key.publicKeyG2(), message, valid));
        }
        return cases;
    }

    @Test
    void aCallerAloneGetsThePlainCheck() {
        List<Integer> batches = new ArrayList<>();
        BlsBatchVerifier verifier = new BlsBatchVerifier(2, 64, work -> {
            batches.add(1);
            work.run();
        });
        for (Case c : cases(5, MESSAGE, OTHER_MESSAGE)) {
            assertThat(verifier.verify(c.signature(), c.vk(), c.message())).isEqualTo(c.valid());
            assertThat(Bls.verify(c.signature(), c.vk(), c.message())).isEqualTo(c.valid());
        }
        assertThat(batches).hasSize(5);
    }

    @Test
    void concurrentCallersAreBatchedAndEachGetsTheAnswerOfItsOwnSignature() throws Exception {
        List<Case> cases = new ArrayList<>(cases(40, MESSAGE, OTHER_MESSAGE));
        cases.addAll(cases(20, OTHER_MESSAGE, MESSAGE)); // a second message: batched apart
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch allQueued = new CountDownLatch(1);
        BlsBatchVerifier verifier = new BlsBatchVerifier(2, 16, work -> {
            int now = running.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                // the first leaders wait for every caller to be queued: the batches that follow are full ones
                allQueued.await();
                batches.incrementAndGet();
                work.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(cases.size())) {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (Case c : cases) answers.add(pool.submit(() -> verifier.verify(c.signature(), c.vk(), c.message())));
            while (queued(verifier) < cases.size()) Thread.sleep(5);
            allQueued.countDown();
            for (int i = 0; i < cases.size(); i++) {
                assertThat(answers.get(i).get())
                        .as("signature %d", i)
                        .isEqualTo(cases.get(i).valid());
            }
        }
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);
        // 60 signatures, two messages, batches of at most 16: far fewer checks than signatures
        assertThat(batches.get()).isBetween(5, 12);
    }

    @Test
    void aFailureInsideTheCheckReachesTheCallerAndLeavesTheVerifierUsable() {
        Case c = cases(1, MESSAGE, OTHER_MESSAGE).get(0);
        AtomicInteger calls = new AtomicInteger();
        BlsBatchVerifier verifier = new BlsBatchVerifier(1, 8, work -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("no CPU slot today");
            work.run();
        });
        assertThatThrownBy(() -> verifier.verify(c.signature(), c.vk(), c.message()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no CPU slot today");
        // no leader left counted, nothing left queued: the next caller is checked at once
        assertThat(queued(verifier)).isZero();
        assertThat(verifier.verify(c.signature(), c.vk(), c.message())).isTrue();
    }

    @Test
    void aCpuHookThatDropsTheWorkFailsTheCallerInsteadOfAnsweringUnchecked() {
        Case c = cases(1, MESSAGE, OTHER_MESSAGE).get(0);
        BlsBatchVerifier verifier = new BlsBatchVerifier(1, 8, work -> {});
        assertThatThrownBy(() -> verifier.verify(c.signature(), c.vk(), c.message()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not run");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new BlsBatchVerifier(0, 8, Runnable::run)).hasMessageContaining("leaders");
        assertThatThrownBy(() -> new BlsBatchVerifier(1, 0, Runnable::run)).hasMessageContaining("maxBatch");
    }

    private static int queued(BlsBatchVerifier verifier) {
        synchronized (verifier) {
            return verifier.queuedForTests();
        }
    }
}
