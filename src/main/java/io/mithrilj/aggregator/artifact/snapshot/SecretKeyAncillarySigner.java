package io.mithrilj.aggregator.artifact.snapshot;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.util.Objects;

/** The ancillary signer on an in-memory Ed25519 key (upstream {@code AncillarySignerWithSecretKey}). */
final class SecretKeyAncillarySigner implements AncillarySigner {
    private final Ed25519SigningKey key;

    SecretKeyAncillarySigner(Ed25519SigningKey key) {
        this.key = Objects.requireNonNull(key, "ancillary signing key");
    }

    @Override
    public byte[] sign(byte[] manifestHash) {
        return key.sign(manifestHash).toBytes();
    }

    @Override
    public Ed25519VerificationKey verificationKey() {
        return key.verificationKey();
    }

    /** Shows the verification key only. */
    @Override
    public String toString() {
        return "AncillarySigner[secret-key, vk=" + key.verificationKey().toBytesHex() + "]";
    }
}
