package io.mithrilj.aggregator.certifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.persistence.EmbeddedPostgresTestResource;
import io.mithrilj.aggregator.persistence.OpenMessageRepository;
import io.mithrilj.aggregator.persistence.OpenMessageRepository.StoredOpenMessage;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.persistence.SingleSignatureRepository;
import io.mithrilj.aggregator.persistence.SingleSignatureRepository.StoredSingleSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of single signatures: many request threads at once each learn whether their own signature was stored;
 * one the database refuses (an unknown signer) fails alone; none is stored into a certified open message.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class SingleSignatureWriterTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final long E = 910_000; // no other test's epoch
    private static final int SIGNERS = 60;

    @Inject
    OpenMessageRepository openMessages;

    @Inject
    SingleSignatureRepository singleSignatures;

    @Inject
    SignerRepository signers;

    @Inject
    Pool pool;

    @BeforeEach
    void registerSigners() {
        for (int i = 0; i < SIGNERS; i++) {
            String id = "sw-p" + i;
            signers.saveSigner(id, null, "2030-01-01T00:00:00Z", null).await().atMost(T);
            signers.saveRegistration(new SignerRepository.StoredRegistration(
                            id, E, "vk", null, null, null, BigInteger.ONE, "2030-01-01T00:00:00Z"))
                    .await()
                    .atMost(T);
        }
    }

    @AfterEach
    void clean() {
        openMessages.deleteBeforeEpoch(E + 2).await().atMost(T);
        pool.query("delete from signer_registration where signer_id like 'sw-p%'")
                .execute()
                .await()
                .atMost(T);
    }

    private StoredOpenMessage open(int type) {
        StoredOpenMessage m = new StoredOpenMessage(
                UUID.randomUUID(),
                E + 1,
                type,
                "" + (E + 1),
                "{\"message_parts\":{}}",
                false,
                false,
                "2030-01-01T00:00:00Z",
                null);
        openMessages.insert(m).await().atMost(T);
        return m;
    }

    private static StoredSingleSignature signature(StoredOpenMessage m, String signer) {
        return new StoredSingleSignature(m.id(), signer, E, "[1]", "sig-" + signer, "2030-01-01T00:00:01Z");
    }

    @Test
    void concurrentSignaturesAreEachAnsweredAndABadOneFailsAlone() throws Exception {
        StoredOpenMessage m = open(0);
        SingleSignatureWriter writer = new SingleSignatureWriter(singleSignatures, T);
        Map<String, Object> answers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i <= SIGNERS; i++) {
            // the last one is no registered signer: its foreign key refuses it
            String signer = i < SIGNERS ? "sw-p" + i : "sw-unknown";
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    answers.put(signer, writer.storeIfOpen(signature(m, signer)));
                } catch (RuntimeException | InterruptedException e) {
                    answers.put(signer, e);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) t.join();

        assertThat(answers).hasSize(SIGNERS + 1);
        assertThat(answers.get("sw-unknown")).isInstanceOf(RuntimeException.class);
        for (int i = 0; i < SIGNERS; i++) assertThat(answers.get("sw-p" + i)).isEqualTo(true);
        assertThat(singleSignatures.count(m.id()).await().atMost(T)).isEqualTo(SIGNERS);
    }

    @Test
    void aBatchStoresOnlyIntoOpenMessagesThatAreStillOpen() {
        StoredOpenMessage open = open(0);
        StoredOpenMessage certified = open(1);
        openMessages.markCertified(certified.id()).await().atMost(T);
        Set<String> stored = singleSignatures
                .saveAllIfOpen(
                        List.of(signature(open, "sw-p1"), signature(certified, "sw-p2"), signature(open, "sw-p3")))
                .await()
                .atMost(T);
        assertThat(stored)
                .containsExactlyInAnyOrder(
                        SingleSignatureRepository.key(signature(open, "sw-p1")),
                        SingleSignatureRepository.key(signature(open, "sw-p3")));
        assertThat(singleSignatures.count(certified.id()).await().atMost(T)).isZero();
        // the same key twice in one statement is refused as a whole (the writer then writes them one by one)
        assertThatThrownBy(() -> singleSignatures
                        .saveAllIfOpen(List.of(signature(open, "sw-p4"), signature(open, "sw-p4")))
                        .await()
                        .atMost(T))
                .isInstanceOf(RuntimeException.class);
        SingleSignatureWriter writer = new SingleSignatureWriter(singleSignatures, T);
        assertThat(writer.storeIfOpen(signature(certified, "sw-p5"))).isFalse();
        assertThat(writer.storeIfOpen(signature(open, "sw-p5"))).isTrue();
        assertThat(singleSignatures.count(open.id()).await().atMost(T)).isEqualTo(3);
    }
}
