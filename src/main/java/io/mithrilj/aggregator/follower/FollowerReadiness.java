package io.mithrilj.aggregator.follower;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of a follower: down until its certificate chain was synchronised with the leader's (or found in sync)
 * once since start — before that it would serve an empty or stale chain. Always up on a leader.
 */
@Readiness
@ApplicationScoped
public class FollowerReadiness implements HealthCheck {
    private final FollowerService follower;

    FollowerReadiness(FollowerService follower) {
        this.follower = follower;
    }

    @Override
    public HealthCheckResponse call() {
        if (!follower.enabled()) {
            return HealthCheckResponse.named("leader synchronisation")
                    .up()
                    .withData("role", "leader")
                    .build();
        }
        FollowerService.SyncStatus status = follower.status();
        var response = HealthCheckResponse.named("leader synchronisation")
                .status(status.chainSynchronizedOnce())
                .withData("leader", status.leaderEndpoint());
        status.lastChainSync().ifPresent(at -> response.withData("last_chain_sync", at.toString()));
        status.chainFailure().ifPresent(f -> response.withData("chain_error", f.message()));
        status.signerFailure().ifPresent(f -> response.withData("signer_error", f.message()));
        return response.build();
    }
}
