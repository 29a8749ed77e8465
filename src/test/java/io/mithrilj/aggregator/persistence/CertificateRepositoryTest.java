package io.mithrilj.aggregator.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Certificate storage: lossless message text (nanosecond timestamps, key order, number spelling), derived
 * list item, and upstream's ROWID semantics (a replaced certificate becomes the newest).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class CertificateRepositoryTest {

    private static final Duration T = Duration.ofSeconds(30);

    @Inject
    CertificateRepository certificates;

    @Inject
    Pool pool;

    private static ObjectNode fixtureCertificate(String hash) throws Exception {
        ObjectNode all =
                (ObjectNode) MessageJson.parse(UpstreamReference.text("aggregator-fake-data/certificates.json"));
        return (ObjectNode) all.properties().iterator().next().getValue().deepCopy();
    }

    @Test
    void keepsNanosecondsAndTheExactTextAndRefreshesOrderOnReplace() throws Exception {
        ObjectNode a = fixtureCertificate(null);
        a.put("hash", "repo-test-a");
        ((ObjectNode) a.get("metadata")).put("sealed_at", "2030-01-02T03:04:05.123456789Z");
        ObjectNode b = a.deepCopy();
        b.put("hash", "repo-test-b");
        String aText = MessageJson.write(a);
        // pretty-printed input is stored compacted, nothing else changes
        certificates.save(a.toPrettyString()).await().atMost(T);
        certificates.save(MessageJson.write(b)).await().atMost(T);
        assertEquals(
                aText, certificates.findMessage("repo-test-a").await().atMost(T).orElseThrow());
        long nanos = pool.preparedQuery("select sealed_at_nanos from certificate where certificate_id = $1")
                .execute(Tuple.of("repo-test-a"))
                .await()
                .atMost(T)
                .iterator()
                .next()
                .getLong(0);
        assertEquals(1893553445123456789L, nanos);

        List<String> latest = certificates.latestListItems(2).await().atMost(T);
        assertTrue(latest.get(0).contains("\"repo-test-b\""));
        certificates.save(aText).await().atMost(T); // insert or replace: a becomes the newest
        latest = certificates.latestListItems(2).await().atMost(T);
        assertTrue(latest.get(0).contains("\"repo-test-a\""));
        assertEquals(
                1,
                pool.query("select count(*) from certificate where certificate_id = 'repo-test-a'")
                        .execute()
                        .await()
                        .atMost(T)
                        .iterator()
                        .next()
                        .getLong(0));
        pool.query("delete from certificate where certificate_id like 'repo-test-%'")
                .execute()
                .await()
                .atMost(T);
    }

    @Test
    void listItemReplacesSignersByTotalSignersInPlace() throws Exception {
        ObjectNode c = fixtureCertificate(null);
        String item = MessageJson.certificateListItem(MessageJson.write(c));
        ObjectNode parsed = (ObjectNode) MessageJson.parse(item);
        assertEquals(
                List.of(
                        "hash",
                        "previous_hash",
                        "epoch",
                        "signed_entity_type",
                        "metadata",
                        "protocol_message",
                        "signed_message",
                        "aggregate_verification_key"),
                iterable(parsed));
        assertEquals(
                List.of("network", "version", "parameters", "initiated_at", "sealed_at", "total_signers"),
                iterable((ObjectNode) parsed.get("metadata")));
        assertEquals(
                c.get("metadata").get("signers").size(),
                parsed.get("metadata").get("total_signers").asInt());
    }

    @Test
    void fieldsOfAGenesisCertificate() throws Exception {
        ObjectNode c = fixtureCertificate(null);
        c.put("previous_hash", "")
                .put("multi_signature", "")
                .put("genesis_signature", "ab".repeat(64))
                .put("epoch", 8);
        c.set("signed_entity_type", MessageJson.parse("{\"MithrilStakeDistribution\":8}"));
        CertificateFields f = CertificateFields.fromMessage(MessageJson.write(c));
        assertTrue(f.genesis());
        assertEquals(0, f.signedEntityTypeId());
        assertEquals("8", f.signedEntityBeacon());
        c.set("signed_entity_type", MessageJson.parse("{\"CardanoTransactions\":[18,524]}"));
        c.put("genesis_signature", "");
        f = CertificateFields.fromMessage(MessageJson.write(c));
        assertEquals(3, f.signedEntityTypeId());
        // upstream's get_json_beacon, as for the signed_entity table
        assertEquals("{\"block_number\":524,\"epoch\":18}", f.signedEntityBeacon());
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
