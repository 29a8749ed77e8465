package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;

/**
 * Check 3 of a genesis certificate: the Ed25519 genesis signature over the ASCII bytes of
 * {@code signed_message}, under the configured genesis verification key ({@code verify_strict}).
 */
@FunctionalInterface
public interface GenesisSignatureVerifier {

    /** @throws InvalidGenesisSignatureException with the reason when the signature does not verify */
    void verify(byte[] message, String signatureBytesHex) throws InvalidGenesisSignatureException;

    /** The strict Ed25519 verifier for a genesis verification key. */
    static GenesisSignatureVerifier ed25519(Ed25519VerificationKey key) {
        return (message, signatureBytesHex) -> {
            try {
                key.verify(message, Ed25519Signature.fromBytesHex(signatureBytesHex));
            } catch (Ed25519VerificationException | CodecException e) {
                throw new InvalidGenesisSignatureException(e.getMessage(), e);
            }
        };
    }

    /**
     * The strict Ed25519 verifier for a genesis verification key given as JSON-hex (the configuration
     * and CLI form); a key that does not decode is an {@link IllegalArgumentException}.
     */
    static GenesisSignatureVerifier ed25519(String genesisVerificationKeyJsonHex) {
        try {
            return ed25519(Ed25519VerificationKey.fromJsonHex(genesisVerificationKeyJsonHex));
        } catch (CodecException e) {
            throw new IllegalArgumentException(
                    "Could not decode hex key to build genesis verifier: " + e.getMessage(), e);
        }
    }

    /** Reason of a genesis signature rejection. */
    final class InvalidGenesisSignatureException extends Exception {
        public InvalidGenesisSignatureException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
