package io.mithrilj.aggregator.registration;

import io.mithrilj.aggregator.config.AggregatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The {@link SignerRegisterer} of this aggregator's role: a follower when LEADER_AGGREGATOR_ENDPOINT is set. */
@ApplicationScoped
public class SignerRegistrationStrategy {

    @Produces
    @ApplicationScoped
    SignerRegisterer signerRegisterer(
            AggregatorConfig config, RegistrationService leader, FollowerSignerRegistration follower) {
        boolean isFollower =
                config.leaderAggregatorEndpoint().filter(e -> !e.isBlank()).isPresent();
        return isFollower ? follower : leader;
    }
}
