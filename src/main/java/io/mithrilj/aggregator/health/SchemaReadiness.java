package io.mithrilj.aggregator.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: down until the database schema is migrated (the HTTP listener may open a moment before the
 * start-up migration ends; the API answers 503 in that window).
 */
// @Default besides @Readiness: the migrator and the HTTP filters inject it
@Readiness
@Default
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private volatile boolean migrated;

    /** Called once the migrations are applied. */
    public void markMigrated() {
        migrated = true;
    }

    public boolean migrated() {
        return migrated;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database schema").status(migrated).build();
    }
}
