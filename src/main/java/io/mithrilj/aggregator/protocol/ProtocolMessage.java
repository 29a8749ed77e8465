package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The structured message signed by a certificate: parts keyed by {@link ProtocolMessagePartKey},
 * iterated (and hashed, and serialized) in key declaration order. Immutable.
 */
public final class ProtocolMessage {
    private static final ProtocolMessage EMPTY = new ProtocolMessage(new EnumMap<>(ProtocolMessagePartKey.class));

    private final Map<ProtocolMessagePartKey, String> parts;

    private ProtocolMessage(EnumMap<ProtocolMessagePartKey, String> parts) {
        this.parts = Collections.unmodifiableMap(parts);
    }

    public static ProtocolMessage empty() {
        return EMPTY;
    }

    public static ProtocolMessage of(Map<ProtocolMessagePartKey, String> parts) {
        EnumMap<ProtocolMessagePartKey, String> copy = new EnumMap<>(ProtocolMessagePartKey.class);
        parts.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, "value of " + k)));
        return new ProtocolMessage(copy);
    }

    /** A copy with {@code key} set to {@code value}. */
    public ProtocolMessage with(ProtocolMessagePartKey key, String value) {
        EnumMap<ProtocolMessagePartKey, String> copy = copy();
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return new ProtocolMessage(copy);
    }

    /** A copy without {@code key}. */
    public ProtocolMessage without(ProtocolMessagePartKey key) {
        EnumMap<ProtocolMessagePartKey, String> copy = copy();
        copy.remove(key);
        return new ProtocolMessage(copy);
    }

    private EnumMap<ProtocolMessagePartKey, String> copy() {
        EnumMap<ProtocolMessagePartKey, String> copy = new EnumMap<>(ProtocolMessagePartKey.class);
        copy.putAll(parts);
        return copy;
    }

    public Optional<String> get(ProtocolMessagePartKey key) {
        return Optional.ofNullable(parts.get(key));
    }

    /** Unmodifiable view, iterated in hashing order. */
    public Map<ProtocolMessagePartKey, String> parts() {
        return parts;
    }

    /** {@code hex(H(key1 || value1 || key2 || value2 ...))} in key order: the certificate's {@code signed_message}. */
    public String computeHash() {
        MessageDigest d = Hashing.sha256();
        parts.forEach((k, v) -> {
            Hashing.ascii(d, k.wireName());
            Hashing.ascii(d, v);
        });
        return Hashing.finish(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolMessage m && m.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "ProtocolMessage" + parts;
    }
}
