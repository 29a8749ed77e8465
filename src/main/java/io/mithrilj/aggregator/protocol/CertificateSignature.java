package io.mithrilj.aggregator.protocol;

import java.util.Locale;
import java.util.Objects;

/** The signature of a certificate: a genesis Ed25519 signature, or an STM multi-signature of a signed entity. */
public sealed interface CertificateSignature {

    /**
     * Genesis signature.
     *
     * @param bytesHex the 64-byte Ed25519 signature as 128 lowercase hex characters
     */
    record Genesis(String bytesHex) implements CertificateSignature {
        public Genesis {
            Objects.requireNonNull(bytesHex, "bytesHex");
            if (bytesHex.length() != 128 || !Hashing.isHex(bytesHex)) {
                throw new IllegalArgumentException(
                        "genesis signature must be 64 bytes as hex, got " + bytesHex.length() + " chars");
            }
            bytesHex = bytesHex.toLowerCase(Locale.ROOT);
        }

        public byte[] bytes() {
            return Hashing.unhex(bytesHex);
        }
    }

    /**
     * Standard certificate signature.
     *
     * @param signedEntityType what was signed
     * @param multiSignatureJsonHex the STM aggregate signature, canonical JSON-hex
     */
    record Multi(SignedEntityType signedEntityType, String multiSignatureJsonHex) implements CertificateSignature {
        public Multi {
            Objects.requireNonNull(signedEntityType, "signedEntityType");
            Objects.requireNonNull(multiSignatureJsonHex, "multiSignatureJsonHex");
        }
    }
}
