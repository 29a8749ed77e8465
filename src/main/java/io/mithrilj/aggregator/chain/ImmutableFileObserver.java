package io.mithrilj.aggregator.chain;

/**
 * The number of the last completed immutable file of the Cardano node database (upstream
 * {@code ImmutableFileObserver}): the newest trio whose successor exists. None is an error, as upstream
 * ({@code no immutable file was returned}).
 */
public interface ImmutableFileObserver {

    /** Throws {@link ChainObserverException} when the database cannot be read. */
    long lastImmutableFileNumber();
}
