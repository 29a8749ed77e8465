package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.persistence.EmbeddedPostgresTestResource;
import io.mithrilj.aggregator.persistence.TableStatistics;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the API tests: one Quarkus instance on the embedded PostgreSQL seeded with upstream's fake
 * data, every request going through the openapi validation filter.
 */
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ApiTestConfigResource.class, restrictToAnnotatedClass = false)
abstract class ApiTestBase {

    static final List<String> TABLES = List.of(
            "certificate",
            "signed_entity",
            "epoch_setting",
            "signer",
            "signer_registration",
            "stake_pool",
            "immutable_file_digest",
            "open_message",
            "single_signature",
            "buffered_single_signature");

    @Inject
    FixtureSeeder seeder;

    @Inject
    TableStatistics tables;

    @BeforeEach
    void seedAndValidate() {
        seeder.seedOnce();
    }

    /** A request validated against openapi.yaml. */
    static RequestSpecification api() {
        return RestAssured.given().filter(OpenApiValidationFilter.instance());
    }

    /** A deliberately undocumented request: only the version header is checked. */
    static RequestSpecification undocumented() {
        return api().header(OpenApiValidationFilter.UNDOCUMENTED, "1");
    }

    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : TABLES) counts.put(t, tables.count(t).await().atMost(Duration.ofSeconds(30)));
        return counts;
    }
}
