package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.config.Launch;
import io.mithrilj.aggregator.health.SchemaReadiness;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * First of the start-up observers: the schema is migrated before any other observer touches the database.
 * The launcher has usually started the migrations already, while Quarkus booted ({@link
 * DatabaseMigrations#launchInBackground}, handed over in {@link Launch#schemaMigration}); this waits for
 * them. Without a launcher (tests) it applies them itself, on the datasource Quarkus is configured with.
 */
@Singleton
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final Optional<String> reactiveUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final SchemaReadiness readiness;

    SchemaMigrator(
            SchemaReadiness readiness,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.readiness = readiness;
        this.reactiveUrl = reactiveUrl;
        this.user = user;
        this.password = password;
    }

    void migrate(@Observes @Priority(0) StartupEvent event) {
        long start = System.nanoTime();
        String schema = Launch.current()
                .flatMap(Launch::schemaMigration)
                .map(SchemaMigrator::await)
                .orElseGet(() -> DatabaseMigrations.migrate(configuredTarget()).toString());
        readiness.markMigrated();
        LOG.infof("Database schema at %s; %d ms waited", schema, (System.nanoTime() - start) / 1_000_000);
    }

    /** The launched migration's result, its failure rethrown as it was. */
    private static String await(CompletableFuture<String> migration) {
        try {
            return migration.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private DatabaseMigrations.JdbcTarget configuredTarget() {
        String url = reactiveUrl.orElseThrow(() -> new IllegalStateException(
                "no database configured: set DATABASE_URL, or let the embedded PostgreSQL start"));
        return new DatabaseMigrations.JdbcTarget(
                jdbcUrlOf(url), user.orElse(EmbeddedDatabase.USER), password.orElse(""));
    }

    /** {@code [vertx-reactive:]postgresql://host:port/db[?query]} as a JDBC URL. */
    public static String jdbcUrlOf(String reactiveUrl) {
        String url = reactiveUrl.startsWith("vertx-reactive:")
                ? reactiveUrl.substring("vertx-reactive:".length())
                : reactiveUrl;
        if (url.startsWith("postgres://")) url = "postgresql://" + url.substring("postgres://".length());
        return "jdbc:" + url;
    }
}
