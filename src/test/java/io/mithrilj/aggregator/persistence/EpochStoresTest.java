package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stake distributions, epoch pruning bounds, signer registrations and the master certificate query. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class EpochStoresTest {

    private static final Duration T = Duration.ofSeconds(30);

    @Inject
    StakePoolRepository stakePools;

    @Inject
    EpochSettingRepository epochSettings;

    @Inject
    SignerRepository signers;

    @Inject
    CertificateRepository certificates;

    @Inject
    Pool pool;

    @Test
    void stakeDistributionSavedInOneStatementAndPruned() {
        Map<String, Long> stakes = new LinkedHashMap<>();
        stakes.put("pool-z", 3L);
        stakes.put("pool-a", 1L);
        stakes.put("pool-m", Long.MAX_VALUE);
        stakePools.saveAll(700_001, stakes, "t").await().atMost(T);
        stakePools.saveAll(700_002, Map.of("pool-a", 5L), "t").await().atMost(T);
        stakePools.saveAll(700_002, Map.of("pool-a", 6L), "t2").await().atMost(T);
        assertThat(stakePools.distribution(700_001).await().atMost(T).orElseThrow())
                .containsExactly(Map.entry("pool-a", 1L), Map.entry("pool-m", Long.MAX_VALUE), Map.entry("pool-z", 3L));
        assertThat(stakePools.distribution(700_002).await().atMost(T).orElseThrow())
                .containsExactly(Map.entry("pool-a", 6L));
        assertThat(stakePools.distribution(700_003).await().atMost(T)).isEmpty();
        assertThat(stakePools.deleteBefore(700_002).await().atMost(T)).isGreaterThanOrEqualTo(3);
        assertThat(stakePools.distribution(700_001).await().atMost(T)).isEmpty();
        assertThat(stakePools.distribution(700_002).await().atMost(T)).isPresent();
        pool.query("delete from stake_pool where epoch >= 700000")
                .execute()
                .await()
                .atMost(T);
    }

    @Test
    void epochSettingsAndRegistrationsPruned() {
        epochSettings.save(700_010, "{}", null).await().atMost(T);
        epochSettings.save(700_011, "{}", null).await().atMost(T);
        signers.saveSigner("es-pool", null, "t", null).await().atMost(T);
        for (long e : new long[] {700_010, 700_011}) {
            signers.saveRegistration(new SignerRepository.StoredRegistration(
                            "es-pool", e, "vk" + e, null, null, 3L, BigInteger.TWO, "t"))
                    .await()
                    .atMost(T);
        }
        assertThat(signers.registration(700_011, "es-pool")
                        .await()
                        .atMost(T)
                        .orElseThrow()
                        .verificationKey())
                .isEqualTo("vk700011");
        assertThat(signers.registration(700_011, "nobody").await().atMost(T)).isEmpty();
        assertThat(signers.deleteRegistrationsBefore(700_011).await().atMost(T)).isGreaterThanOrEqualTo(1);
        assertThat(signers.registration(700_010, "es-pool").await().atMost(T)).isEmpty();
        assertThat(signers.registration(700_011, "es-pool").await().atMost(T)).isPresent();
        assertThat(epochSettings.deleteBefore(700_011).await().atMost(T)).isGreaterThanOrEqualTo(1);
        assertThat(epochSettings.find(700_010).await().atMost(T)).isEmpty();
        assertThat(epochSettings.find(700_011).await().atMost(T)).isPresent();
    }

    private static String certificate(String hash, String parent, long epoch, boolean genesis) throws Exception {
        ObjectNode all =
                (ObjectNode) MessageJson.parse(UpstreamReference.text("aggregator-fake-data/certificates.json"));
        ObjectNode c =
                (ObjectNode) all.properties().iterator().next().getValue().deepCopy();
        c.put("hash", hash);
        c.put("previous_hash", parent);
        c.put("epoch", epoch);
        c.put("genesis_signature", genesis ? "ab" : "");
        c.put("multi_signature", genesis ? "" : "cd");
        return MessageJson.write(c);
    }

    private String master(long epoch) throws Exception {
        return certificates
                .masterCertificateMessage(epoch)
                .await()
                .atMost(T)
                .map(m -> {
                    try {
                        return MessageJson.parse(m).get("hash").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .orElse(null);
    }

    @Test
    void masterCertificate() throws Exception {
        pool.query("delete from certificate where certificate_id like 'mc-%'")
                .execute()
                .await()
                .atMost(T);
        long before = certificates.count().await().atMost(T);
        long e = 600_000;
        assertThat(master(e)).isNull();
        certificates.save(certificate("mc-g", "", e, true)).await().atMost(T);
        assertThat(master(e)).isEqualTo("mc-g");
        assertThat(master(e + 1)).isEqualTo("mc-g");
        assertThat(master(e + 2)).isNull();
        // a same-epoch child is not a master
        certificates.save(certificate("mc-s", "mc-g", e, false)).await().atMost(T);
        assertThat(master(e)).isEqualTo("mc-g");
        assertThat(master(e + 1)).isEqualTo("mc-g");
        // the first certificate of a new epoch is
        certificates.save(certificate("mc-n", "mc-s", e + 1, false)).await().atMost(T);
        certificates.save(certificate("mc-n2", "mc-n", e + 1, false)).await().atMost(T);
        assertThat(master(e + 1)).isEqualTo("mc-n");
        assertThat(master(e + 2)).isEqualTo("mc-n");
        assertThat(master(e)).isEqualTo("mc-g");
        assertThat(certificates.count().await().atMost(T)).isEqualTo(before + 4);
        assertThat(certificates.latestMessage().await().atMost(T).orElseThrow()).contains("\"mc-n2\"");
        pool.query("delete from certificate where certificate_id like 'mc-%'")
                .execute()
                .await()
                .atMost(T);
    }
}
