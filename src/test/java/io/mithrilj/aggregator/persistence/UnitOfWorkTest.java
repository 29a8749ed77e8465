package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Writes on one transaction ({@link Stores}), and concurrent replacing saves of one row. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class UnitOfWorkTest {

    private static final Duration T = Duration.ofSeconds(60);

    @Inject
    Stores stores;

    @Inject
    CertificateRepository certificates;

    @Inject
    SignedEntityRepository signedEntities;

    @Inject
    SignerRepository signers;

    @Inject
    Pool pool;

    private static ObjectNode first(String fakeDataFile) {
        ObjectNode all = (ObjectNode) MessageJson.parse(UpstreamReference.text("aggregator-fake-data/" + fakeDataFile));
        return (ObjectNode) all.properties().iterator().next().getValue().deepCopy();
    }

    private static CertificateFields certificate(String hash) {
        ObjectNode c = first("certificates.json");
        c.put("hash", hash);
        return CertificateFields.fromMessage(MessageJson.write(c));
    }

    private static ArtifactFields stakeDistribution(String hash, long epoch) {
        ObjectNode m = first("mithril-stake-distributions.json");
        m.put("hash", hash).put("epoch", epoch);
        return ArtifactFields.fromMessage(SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION, MessageJson.write(m));
    }

    private long count(String table, String idColumn, String like) {
        return pool.preparedQuery("select count(*) from " + table + " where " + idColumn + " like $1")
                .execute(Tuple.of(like))
                .await()
                .atMost(T)
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void aFailureOfTheSecondWriteRollsBackTheFirst() {
        String tag = "uow-" + System.nanoTime();
        ArtifactFields good = stakeDistribution(tag + "-artifact", 900_001);
        // created_at is not null in the table: the second statement of the unit fails
        ArtifactFields broken = new ArtifactFields(
                good.kind(),
                good.id(),
                good.certificateHash(),
                good.beacon(),
                good.epoch(),
                null,
                good.artifact(),
                good.listItem());
        assertThatThrownBy(() -> stores.inTransaction(conn -> certificates
                                .save(conn, certificate(tag + "-certificate"))
                                .chain(() -> signedEntities.save(conn, broken)))
                        .await()
                        .atMost(T))
                .hasMessageContaining("created_at");
        assertThat(certificates.findMessage(tag + "-certificate").await().atMost(T))
                .as("certificate of the failed unit")
                .isEmpty();

        stores.inTransaction(conn -> certificates
                        .save(conn, certificate(tag + "-certificate"))
                        .chain(() -> signedEntities.save(conn, good)))
                .await()
                .atMost(T);
        assertThat(count("certificate", "certificate_id", tag + "%")).isEqualTo(1);
        assertThat(count("signed_entity", "signed_entity_id", tag + "%")).isEqualTo(1);
    }

    @Test
    void concurrentSavesOfOneSignedEntityAllSucceedAndOneRemains() {
        // hexadecimal ids: the API refuses others
        String tag = "%048x".formatted(System.nanoTime()) + "aa";
        long epoch = 900_000 + ThreadLocalRandom.current().nextInt(90_000);
        int n = 24;
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        List<Uni<Void>> saves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ArtifactFields a = stakeDistribution(tag + "%014x".formatted(i), epoch);
            saves.add(signedEntities.save(a).invoke(() -> committed.add(a.id())));
        }
        // all subscribed at once: they run on many pool connections in parallel
        Uni.join().all(saves).andFailFast().await().atMost(T);
        assertThat(committed).hasSize(n);
        List<String> rows = pool
                .preparedQuery(
                        "select signed_entity_id from signed_entity where signed_entity_type_id = 0 and beacon = $1")
                .execute(Tuple.of(Long.toString(epoch)))
                .await()
                .atMost(T)
                .stream()
                .map(r -> r.getString(0))
                .toList();
        // one row remains, one of the saved ones (which one won is the database's commit order: the order in
        // which the clients see their commits complete is not it); the API serves it and none of the others
        assertThat(rows).hasSize(1);
        String kept = rows.getFirst();
        assertThat(committed).contains(kept);
        RestAssured.get("/aggregator/artifact/mithril-stake-distribution/" + kept)
                .then()
                .statusCode(200);
        for (String replaced : committed) {
            if (replaced.equals(kept)) continue;
            RestAssured.get("/aggregator/artifact/mithril-stake-distribution/" + replaced)
                    .then()
                    .statusCode(404);
        }
    }

    @Test
    void concurrentSavesOfOneCertificateAllSucceed() {
        String hash = "uow-cert-" + System.nanoTime();
        List<Uni<Void>> saves = new ArrayList<>();
        for (int i = 0; i < 24; i++) saves.add(certificates.save(certificate(hash)));
        Uni.join().all(saves).andFailFast().await().atMost(T);
        assertThat(count("certificate", "certificate_id", hash)).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOneSignerAllSucceedAndOneRowRemains() {
        String party = "uow-signer-" + System.nanoTime();
        long epoch = 900_000 + ThreadLocalRandom.current().nextInt(90_000);
        signers.saveSigner(party, null, "2030-01-01T00:00:00Z", null).await().atMost(T);
        List<Uni<Void>> saves = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            saves.add(signers.saveRegistration(new SignerRepository.StoredRegistration(
                    party,
                    epoch,
                    "vk-" + i,
                    null,
                    null,
                    (long) i,
                    java.math.BigInteger.valueOf(i),
                    "2030-01-01T00:00:00Z")));
            saves.add(signers.saveSigner(party, "T" + i, "2030-01-01T00:00:01Z", "2030-01-01T00:00:01Z"));
        }
        Uni.join().all(saves).andFailFast().await().atMost(T);
        assertThat(signers.registrations(epoch).await().atMost(T))
                .singleElement()
                .satisfies(r -> assertThat(r.verificationKey()).isEqualTo("vk-" + r.kesPeriod()));
        assertThat(count("signer", "signer_id", party)).isEqualTo(1);
    }
}
