package io.mithrilj.aggregator.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the process answers. Readiness is the datasource check of the reactive PostgreSQL client
 * (ready only when the database answers), provided by Quarkus.
 */
@Liveness
@ApplicationScoped
public class ServiceLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mithril-aggregator")
                .up()
                .withData("uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime())
                .build();
    }
}
