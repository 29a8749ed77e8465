package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * Upstream's signed entity type lock (aggregator-runtime.md §12): the types whose artifact is being built. While a
 * type is locked, the runtime opens no new message for it; signatures for its existing open messages are still taken.
 */
@ApplicationScoped
public class SignedEntityLock {
    private final Set<SignedEntityTypeDiscriminant> locked = EnumSet.noneOf(SignedEntityTypeDiscriminant.class);

    /** Locks a type; false when it was locked already. */
    public synchronized boolean tryLock(SignedEntityTypeDiscriminant type) {
        return locked.add(type);
    }

    public synchronized void release(SignedEntityTypeDiscriminant type) {
        locked.remove(type);
    }

    public synchronized boolean isLocked(SignedEntityTypeDiscriminant type) {
        return locked.contains(type);
    }
}
