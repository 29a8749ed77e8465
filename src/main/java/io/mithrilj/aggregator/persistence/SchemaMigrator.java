package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.health.SchemaReadiness;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Applies the Flyway migrations first thing at start-up, before any other start-up observer touches the
 * database. Done here rather than by Quarkus' migrate-at-start so that the embedded PostgreSQL can start
 * while Quarkus boots: the migration waits for it.
 */
@Singleton
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    private final Flyway flyway;

    SchemaMigrator(Flyway flyway) {
        this.flyway = flyway;
    }

    void migrate(@Observes @Priority(0) StartupEvent event) {
        long waitStart = System.nanoTime();
        EmbeddedDatabase.awaitLaunched();
        LOG.debugf(
                "Schema migration started (%d ms waiting for the database)",
                (System.nanoTime() - waitStart) / 1_000_000);
        var result = flyway.migrate();
        SchemaReadiness.markMigrated();
        // Flyway reports no target version when nothing was applied: the schema stayed at its initial one
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.infof("Database schema at version %s (%d migrations applied)", version, result.migrationsExecuted);
    }
}
