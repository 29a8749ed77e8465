package io.mithrilj.aggregator.protocol;

/** A protocol message carries a part key this version does not know, so its hash is undefined. */
public final class UnknownProtocolMessagePartKeyException extends IllegalArgumentException {
    private final String key;

    public UnknownProtocolMessagePartKeyException(String key) {
        super("unknown protocol message part key '" + key + "'");
        this.key = key;
    }

    public String key() {
        return key;
    }
}
