package io.mithrilj.aggregator.registration;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The profile of the tests that drive the chain observer themselves: {@link StubChainObserver} replaces it. */
public class StubChainProfile implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(StubChainObserver.class);
    }
}
