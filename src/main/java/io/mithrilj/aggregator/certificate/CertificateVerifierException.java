package io.mithrilj.aggregator.certificate;

/**
 * Why a certificate was refused: one subclass per upstream {@code CertificateVerifierError} (plus
 * retrieval, unknown signed entity type and chain-length errors). Every error names the hash of the
 * certificate whose verification failed.
 */
public abstract sealed class CertificateVerifierException extends Exception {
    private final String certificateHash;

    private CertificateVerifierException(String certificateHash, String what, Throwable cause) {
        super("certificate '" + certificateHash + "': " + what, cause);
        this.certificateHash = certificateHash;
    }

    /** The hash (as received) of the certificate that failed. */
    public String certificateHash() {
        return certificateHash;
    }

    /** The error without the certificate prefix, e.g. {@code certificate hash unmatch error}. */
    public String reason() {
        String m = getMessage();
        return m.substring(m.indexOf("': ") + 3);
    }

    /** The recomputed hash differs from {@code hash}. */
    public static final class CertificateHashUnmatch extends CertificateVerifierException {
        public CertificateHashUnmatch(String hash) {
            super(hash, "certificate hash unmatch error", null);
        }
    }

    /** The hash of {@code protocol_message} differs from {@code signed_message}. */
    public static final class CertificateProtocolMessageUnmatch extends CertificateVerifierException {
        public CertificateProtocolMessageUnmatch(String hash) {
            super(hash, "certificate protocol message unmatch error", null);
        }
    }

    /** The STM multi-signature does not verify. */
    public static final class VerifyMultiSignature extends CertificateVerifierException {
        private final String verifierReason;

        public VerifyMultiSignature(String hash, String reason, Throwable cause) {
            super(hash, "multi signature verification failed: '" + reason + "'", cause);
            this.verifierReason = reason;
        }

        public String verifierReason() {
            return verifierReason;
        }
    }

    /** The genesis Ed25519 signature does not verify under the genesis verification key. */
    public static final class CertificateGenesis extends CertificateVerifierException {
        public CertificateGenesis(String hash, String reason, Throwable cause) {
            super(
                    hash,
                    "certificate genesis error: Certificate verifier failed verifying a genesis certificate: " + reason,
                    cause);
        }
    }

    /** The {@code current_epoch} part is missing or differs from {@code epoch}. */
    public static final class CertificateEpochUnmatch extends CertificateVerifierException {
        public CertificateEpochUnmatch(String hash) {
            super(hash, "certificate epoch unmatch error", null);
        }
    }

    /** The parent is more than one epoch away. */
    public static final class CertificateChainMissingEpoch extends CertificateVerifierException {
        public CertificateChainMissingEpoch(String hash) {
            super(hash, "certificate chain missing epoch error", null);
        }
    }

    /** The retrieved parent's hash is not {@code previous_hash}. */
    public static final class CertificateChainPreviousHashUnmatch extends CertificateVerifierException {
        public CertificateChainPreviousHashUnmatch(String hash) {
            super(hash, "certificate chain previous hash unmatch error", null);
        }
    }

    /** The AVK does not chain to the parent (same-epoch AVK, or the parent's next AVK). */
    public static final class CertificateChainAVKUnmatch extends CertificateVerifierException {
        public CertificateChainAVKUnmatch(String hash) {
            super(hash, "certificate chain AVK unmatch error", null);
        }
    }

    /** The parameters do not chain to the parent (same-epoch parameters, or the parent's next parameters hash). */
    public static final class CertificateChainProtocolParametersUnmatch extends CertificateVerifierException {
        public CertificateChainProtocolParametersUnmatch(String hash) {
            super(hash, "certificate chain protocol parameters unmatch error", null);
        }
    }

    /** The certificate chains to itself, or the walk met a certificate twice. */
    public static final class CertificateChainInfiniteLoop extends CertificateVerifierException {
        public CertificateChainInfiniteLoop(String hash) {
            super(hash, "certificate chain infinite loop error", null);
        }
    }

    /** The walk exceeded its iteration cap without reaching a genesis certificate. */
    public static final class CertificateChainTooLong extends CertificateVerifierException {
        public CertificateChainTooLong(String hash, long cap) {
            super(hash, "certificate chain longer than " + cap + " certificates without reaching a genesis", null);
        }
    }

    /** The genesis entry point was given a standard certificate. */
    public static final class InvalidGenesisCertificateProvided extends CertificateVerifierException {
        public InvalidGenesisCertificateProvided(String hash) {
            super(hash, "can't validate genesis certificate: given certificate isn't a genesis certificate", null);
        }
    }

    /** The standard entry point was given a genesis certificate. */
    public static final class InvalidStandardCertificateProvided extends CertificateVerifierException {
        public InvalidStandardCertificateProvided(String hash) {
            super(hash, "can't validate standard certificate: given certificate isn't a standard certificate", null);
        }
    }

    /** The parent ({@code previous_hash}) could not be retrieved. */
    public static final class CertificateRetrievalFailed extends CertificateVerifierException {
        private final String previousHash;

        public CertificateRetrievalFailed(String hash, String previousHash, Throwable cause) {
            super(
                    hash,
                    "Can not retrieve previous certificate during verification: "
                            + (cause != null ? cause.getMessage() : "'" + previousHash + "'"),
                    cause);
            this.previousHash = previousHash;
        }

        public String previousHash() {
            return previousHash;
        }
    }

    /** The signed entity type is unknown to this version: the certificate can not be hashed nor verified. */
    public static final class UnsupportedSignedEntityType extends CertificateVerifierException {
        public UnsupportedSignedEntityType(String hash, String variant) {
            super(hash, "unknown signed entity type '" + variant + "' can not be verified", null);
        }
    }
}
