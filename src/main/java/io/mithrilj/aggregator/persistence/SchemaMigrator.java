package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.health.SchemaReadiness;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First of the start-up observers: the schema is migrated before any other observer touches the database.
 * The launcher has usually started the migrations already, while Quarkus booted ({@link
 * DatabaseMigrations#launchInBackground}); this waits for them. Without a launcher (tests) it applies them
 * itself, on the datasource Quarkus is configured with.
 */
@Singleton
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final Optional<String> reactiveUrl;
    private final Optional<String> user;
    private final Optional<String> password;

    SchemaMigrator(
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.reactiveUrl = reactiveUrl;
        this.user = user;
        this.password = password;
    }

    void migrate(@Observes @Priority(0) StartupEvent event) {
        long start = System.nanoTime();
        DatabaseMigrations.Outcome outcome =
                DatabaseMigrations.awaitLaunched().orElseGet(() -> DatabaseMigrations.migrate(configuredTarget()));
        SchemaReadiness.markMigrated();
        LOG.infof(
                "Database schema at version %s (%d migrations applied; %d ms waited)",
                outcome.version(), outcome.applied(), (System.nanoTime() - start) / 1_000_000);
    }

    private DatabaseMigrations.JdbcTarget configuredTarget() {
        String url = reactiveUrl.orElseThrow(() -> new IllegalStateException(
                "no database configured: set DATABASE_URL, or let the embedded PostgreSQL start"));
        return new DatabaseMigrations.JdbcTarget(
                jdbcUrlOf(url), user.orElse(EmbeddedDatabase.USER), password.orElse(""));
    }

    /** {@code [vertx-reactive:]postgresql://host:port/db[?query]} as a JDBC URL. */
    static String jdbcUrlOf(String reactiveUrl) {
        String url = reactiveUrl.startsWith("vertx-reactive:")
                ? reactiveUrl.substring("vertx-reactive:".length())
                : reactiveUrl;
        if (url.startsWith("postgres://")) url = "postgresql://" + url.substring("postgres://".length());
        return "jdbc:" + url;
    }
}
