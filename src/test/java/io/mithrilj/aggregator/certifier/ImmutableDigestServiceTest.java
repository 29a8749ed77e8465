package io.mithrilj.aggregator.certifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester.ImmutableDigests;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigesterException;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.NodeDatabaseDirectory;
import io.mithrilj.aggregator.persistence.EmbeddedPostgresTestResource;
import io.mithrilj.aggregator.persistence.ImmutableFileDigestRepository;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digests of the node's immutable files with the cache in PostgreSQL: computed once, then served by the cache (the
 * next epoch reads only its new files). Upstream's fixture trios renamed 71000+ (file names no other test uses).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class ImmutableDigestServiceTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final long BASE = 71000;

    @Inject
    ImmutableFileDigestRepository repository;

    @Inject
    Pool pool;

    @TempDir
    Path db;

    @BeforeEach
    void copyFixtureTrios() throws Exception {
        Path immutable = Files.createDirectories(db.resolve("immutable"));
        Path fixture = UpstreamReference.path("cardano-test-data/immutable");
        for (int i = 0; i < 4; i++) {
            for (String ext : List.of("chunk", "primary", "secondary")) {
                Files.copy(
                        fixture.resolve("%05d.%s".formatted(i, ext)),
                        immutable.resolve("%05d.%s".formatted(BASE + i, ext)));
            }
        }
    }

    @AfterEach
    void forgetOurDigests() {
        pool.query("delete from immutable_file_digest where immutable_file_name like '710%'")
                .execute()
                .await()
                .atMost(T);
    }

    @Test
    void digestsAreTheFilesSha256InTrioOrderThenServedByTheCache() throws Exception {
        ImmutableDigests first = service().digests(BASE + 2);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            for (String ext : List.of("chunk", "primary", "secondary")) {
                byte[] bytes = Files.readAllBytes(db.resolve("immutable/%05d.%s".formatted(BASE + i, ext)));
                expected.add(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        assertThat(first.digests()).isEqualTo(expected);
        assertThat(first.cacheMisses()).isEqualTo(9);
        assertThat(first.cacheHits()).isZero();
        Map<String, String> stored = repository
                .find(List.of("71000.chunk", "71002.secondary"))
                .await()
                .atMost(T);
        assertThat(stored)
                .containsEntry("71000.chunk", expected.get(0))
                .containsEntry("71002.secondary", expected.get(8));

        // the next beacon, by a new service (nothing in memory): only the new trio is read
        ImmutableDigests next = service().digests(BASE + 3);
        assertThat(next.cacheHits()).isEqualTo(9);
        assertThat(next.cacheMisses()).isEqualTo(3);
        assertThat(next.digests().subList(0, 9)).isEqualTo(expected);
    }

    @Test
    void aMissingFileBelowTheBeaconIsNamed() throws Exception {
        Files.delete(db.resolve("immutable/71001.primary"));
        assertThatThrownBy(() -> service().digests(BASE + 3))
                .isInstanceOf(ImmutableDigesterException.class)
                .hasMessageContaining("71001.primary");
    }

    private ImmutableDigestService service() {
        AggregatorConfig config = (AggregatorConfig) Proxy.newProxyInstance(
                AggregatorConfig.class.getClassLoader(),
                new Class<?>[] {AggregatorConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "resetDigestsCache" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new ImmutableDigestService(config, repository, new NodeDatabaseDirectory(db));
    }
}
