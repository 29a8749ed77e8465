package io.mithrilj.aggregator.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: down until the database schema is migrated (the HTTP listener may open a moment before the
 * start-up migration ends; the API answers 503 in that window).
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private static volatile boolean migrated;

    /** Called once the migrations are applied. */
    public static void markMigrated() {
        migrated = true;
    }

    public static boolean migrated() {
        return migrated;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database schema").status(migrated).build();
    }
}
