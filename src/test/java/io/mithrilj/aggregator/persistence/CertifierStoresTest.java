package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.persistence.BufferedSingleSignatureRepository.BufferedSignature;
import io.mithrilj.aggregator.persistence.OpenMessageRepository.OpenMessageAlreadyExists;
import io.mithrilj.aggregator.persistence.OpenMessageRepository.StoredOpenMessage;
import io.mithrilj.aggregator.persistence.SingleSignatureRepository.StoredSingleSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open messages, single signatures and buffered signatures: upstream's semantics on PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class CertifierStoresTest {

    private static final Duration T = Duration.ofSeconds(30);
    // epochs far from any other test's rows
    private static final long E = 900_000;

    @Inject
    OpenMessageRepository openMessages;

    @Inject
    SingleSignatureRepository singleSignatures;

    @Inject
    BufferedSingleSignatureRepository buffered;

    @Inject
    SignerRepository signers;

    @Inject
    Pool pool;

    @BeforeEach
    void clean() {
        pool.query("delete from open_message where epoch_setting_id >= 899000")
                .execute()
                .await()
                .atMost(T);
        pool.query("delete from buffered_single_signature where party_id like 'cs-%'")
                .execute()
                .await()
                .atMost(T);
    }

    private static StoredOpenMessage message(long epoch, int type, String beacon, String expiresAt) {
        return new StoredOpenMessage(
                UUID.randomUUID(),
                epoch,
                type,
                beacon,
                "{\"message_parts\":{}}",
                false,
                false,
                "2030-01-01T00:00:00Z",
                expiresAt);
    }

    @Test
    void insertFindAndDuplicate() {
        StoredOpenMessage m = message(E, 2, "{\"epoch\":" + E + ",\"immutable_file_number\":7}", null);
        openMessages.insert(m).await().atMost(T);
        assertThat(openMessages.find(2, m.beacon()).await().atMost(T)).contains(m);
        assertThat(openMessages.findById(m.id()).await().atMost(T)).contains(m);
        assertThat(openMessages.find(3, m.beacon()).await().atMost(T)).isEmpty();
        assertThat(openMessages.findById(UUID.randomUUID()).await().atMost(T)).isEmpty();
        StoredOpenMessage again = message(E, 2, m.beacon(), null);
        assertThatThrownBy(() -> openMessages.insert(again).await().atMost(T))
                .isInstanceOf(OpenMessageAlreadyExists.class)
                .hasMessageContaining("signed entity type 2");
        assertThat(openMessages.markCertified(m.id()).await().atMost(T)).isTrue();
        assertThat(openMessages.findById(m.id()).await().atMost(T).orElseThrow().certified())
                .isTrue();
        assertThat(openMessages.markCertified(UUID.randomUUID()).await().atMost(T))
                .isFalse();
        assertThat(openMessages.markCertified(m.id()).await().atMost(T))
                .as("certified once only")
                .isFalse();
    }

    @Test
    void expiryComparesTextLikeUpstream() {
        StoredOpenMessage m = message(E, 0, "" + E, "2030-01-01T00:10:00Z");
        StoredOpenMessage never = message(E, 1, "" + E, null);
        openMessages.insert(m).await().atMost(T);
        openMessages.insert(never).await().atMost(T);
        // equal is not before
        assertThat(openMessages
                        .markExpiredIfTimedOut(0, m.beacon(), "2030-01-01T00:10:00Z")
                        .await()
                        .atMost(T)
                        .orElseThrow()
                        .expired())
                .isFalse();
        // text comparison: "...00:10:00.5Z" sorts after "...00:10:00Z"? '.' (0x2E) < 'Z' (0x5A), so it is before
        assertThat(openMessages
                        .markExpiredIfTimedOut(0, m.beacon(), "2030-01-01T00:10:00.5Z")
                        .await()
                        .atMost(T)
                        .orElseThrow()
                        .expired())
                .isFalse();
        assertThat(openMessages
                        .markExpiredIfTimedOut(1, never.beacon(), "2099-01-01T00:00:00Z")
                        .await()
                        .atMost(T)
                        .orElseThrow()
                        .expired())
                .isFalse();
        assertThat(openMessages
                        .markExpiredIfTimedOut(0, "nope", "2099-01-01T00:00:00Z")
                        .await()
                        .atMost(T))
                .isEmpty();
        openMessages.markCertified(m.id()).await().atMost(T);
        StoredOpenMessage after = openMessages
                .markExpiredIfTimedOut(0, m.beacon(), "2030-01-01T00:10:01Z")
                .await()
                .atMost(T)
                .orElseThrow();
        assertThat(after.expired()).isTrue();
        assertThat(after.certified()).isTrue();
    }

    @Test
    void epochListingAndCascadeDelete() {
        signers.saveSigner("cs-pool", null, "2030-01-01T00:00:00Z", null)
                .await()
                .atMost(T);
        signers.saveRegistration(new SignerRepository.StoredRegistration(
                        "cs-pool", E - 1, "vk", null, null, null, BigInteger.TEN, "2030-01-01T00:00:00Z"))
                .await()
                .atMost(T);
        StoredOpenMessage old = message(E - 1, 0, "" + (E - 1), null);
        StoredOpenMessage a = message(E, 2, "{\"epoch\":" + E + ",\"immutable_file_number\":9}", null);
        StoredOpenMessage b = message(E, 0, "" + E, null);
        for (StoredOpenMessage m : List.of(old, a, b)) {
            openMessages.insert(m).await().atMost(T);
        }
        assertThat(openMessages.latestOfEpoch(E).await().atMost(T)).containsExactly(a, b);
        StoredSingleSignature s =
                new StoredSingleSignature(old.id(), "cs-pool", E - 1, "[1,5,9]", "abcd", "2030-01-01T00:00:01Z");
        singleSignatures.save(s).await().atMost(T);
        assertThat(singleSignatures.count(old.id()).await().atMost(T)).isEqualTo(1);
        assertThat(openMessages.deleteBeforeEpoch(E).await().atMost(T)).isEqualTo(1);
        assertThat(openMessages.findById(old.id()).await().atMost(T)).isEmpty();
        assertThat(singleSignatures.count(old.id()).await().atMost(T)).isZero();
        assertThat(openMessages.latestOfEpoch(E).await().atMost(T)).containsExactly(a, b);
        pool.query("delete from signer_registration where signer_id = 'cs-pool'")
                .execute()
                .await()
                .atMost(T);
    }

    @Test
    void singleSignaturesReplaceAndKeepInsertionOrder() {
        for (String id : List.of("cs-p1", "cs-p2")) {
            signers.saveSigner(id, null, "2030-01-01T00:00:00Z", null).await().atMost(T);
            signers.saveRegistration(new SignerRepository.StoredRegistration(
                            id, E, "vk", null, null, null, BigInteger.ONE, "2030-01-01T00:00:00Z"))
                    .await()
                    .atMost(T);
        }
        StoredOpenMessage m = message(E, 0, "" + E, null);
        openMessages.insert(m).await().atMost(T);
        var s1 = new StoredSingleSignature(m.id(), "cs-p1", E, "[1]", "aa", "t1");
        var s2 = new StoredSingleSignature(m.id(), "cs-p2", E, "[2]", "bb", "t2");
        var s1b = new StoredSingleSignature(m.id(), "cs-p1", E, "[1,3]", "cc", "t3");
        singleSignatures.save(s1).await().atMost(T);
        singleSignatures.save(s2).await().atMost(T);
        assertThat(singleSignatures.forOpenMessage(m.id()).await().atMost(T)).containsExactly(s1, s2);
        singleSignatures.save(s1b).await().atMost(T);
        assertThat(singleSignatures.forOpenMessage(m.id()).await().atMost(T)).containsExactly(s2, s1b);
        assertThat(singleSignatures.count(m.id()).await().atMost(T)).isEqualTo(2);
        openMessages.deleteBeforeEpoch(E + 1).await().atMost(T);
        pool.query("delete from signer_registration where signer_id like 'cs-p%'")
                .execute()
                .await()
                .atMost(T);
    }

    @Test
    void bufferedSignaturesReplaceMovesToTheEndAndDelete() {
        var a = new BufferedSignature(3, "cs-a", "[1]", "aa", "t1");
        var b = new BufferedSignature(3, "cs-b", "[2]", "bb", "t2");
        var c = new BufferedSignature(3, "cs-c", "[3]", "cc", "t3");
        var other = new BufferedSignature(0, "cs-a", "[4]", "dd", "t4");
        var a2 = new BufferedSignature(3, "cs-a", "[1,2]", "ee", "t5");
        for (var s : List.of(a, b, c, other, a2)) {
            buffered.save(s).await().atMost(T);
        }
        assertThat(buffered.forType(3).await().atMost(T)).containsExactly(b, c, a2);
        assertThat(buffered.forType(0).await().atMost(T)).containsExactly(other);
        assertThat(buffered.delete(3, "cs-c").await().atMost(T)).isEqualTo(1);
        assertThat(buffered.delete(3, "cs-c").await().atMost(T)).isZero();
        assertThat(buffered.deleteAll(3, List.of("cs-a", "cs-b", "cs-x"))
                        .await()
                        .atMost(T))
                .isEqualTo(2);
        assertThat(buffered.forType(3).await().atMost(T)).isEmpty();
        assertThat(buffered.forType(0).await().atMost(T)).containsExactly(other);
    }
}
