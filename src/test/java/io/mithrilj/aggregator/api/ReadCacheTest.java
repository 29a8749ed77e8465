package io.mithrilj.aggregator.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.persistence.StoreChanges;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Served texts are cached, and a write by another process (raw SQL here) is visible right after its notification. */
@QuarkusTest
class ReadCacheTest extends ApiTestBase {

    @Inject
    Pool pool;

    @Inject
    StoreChanges changes;

    @Test
    void writesOutsideTheRepositoriesInvalidateTheCache() {
        Duration t = Duration.ofSeconds(10);
        long deadline = System.nanoTime() + t.toNanos();
        while (!changes.live() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(changes.live(), "LISTEN connection up: caching active");
        String before = api().get("/aggregator/certificates")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(before.startsWith("[{\"hash\":\"ac347e66"));
        try {
            pool.query("""
                    insert into certificate (certificate_id, parent_certificate_id, epoch, signed_entity_type_id, signed_entity_beacon,
                        is_genesis, sealed_at, sealed_at_nanos, message, list_item)
                    select 'cache-test', parent_certificate_id, epoch, signed_entity_type_id, signed_entity_beacon, is_genesis,
                        sealed_at, sealed_at_nanos, replace(message, certificate_id, 'cache-test'), replace(list_item, certificate_id, 'cache-test')
                    from certificate where certificate_id like 'ac347e66%'""").execute().await().atMost(t);
            awaitList(body -> body.startsWith("[{\"hash\":\"cache-test\""));
        } finally {
            pool.query("delete from certificate where certificate_id = 'cache-test'")
                    .execute()
                    .await()
                    .atMost(t);
        }
        awaitList(before::equals);
    }

    private static void awaitList(Predicate<String> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String body;
        do {
            body = api().get("/aggregator/certificates")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            if (condition.test(body)) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("list never reflected the change: " + body.substring(0, 80));
    }
}
