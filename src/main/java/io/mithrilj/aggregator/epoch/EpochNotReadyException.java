package io.mithrilj.aggregator.epoch;

/** The current epoch (or data computed for it) is not available yet; carries upstream's error text. */
public class EpochNotReadyException extends RuntimeException {
    public EpochNotReadyException(String message) {
        super(message);
    }
}
