package io.mithrilj.aggregator.chain;

/**
 * The number of the last completed immutable file of the Cardano node database (upstream
 * {@code ImmutableFileObserver}): the newest trio whose successor exists; 0 when there is none.
 */
public interface ImmutableFileObserver {

    /** Throws {@link ChainObserverException} when the database cannot be read. */
    long lastImmutableFileNumber();
}
