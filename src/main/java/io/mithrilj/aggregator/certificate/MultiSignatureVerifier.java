package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.protocol.ProtocolParameters;

/**
 * Check 4 of a standard certificate: the STM aggregate signature verifies {@code message} (the ASCII
 * bytes of {@code signed_message}) under the certificate's own AVK and parameters.
 */
@FunctionalInterface
public interface MultiSignatureVerifier {

    /**
     * @throws InvalidMultiSignatureException with the reason when the multi-signature does not verify
     *     (including when it or the AVK can not be decoded)
     */
    void verify(
            byte[] message,
            String multiSignatureJsonHex,
            String aggregateVerificationKeyJsonHex,
            ProtocolParameters parameters)
            throws InvalidMultiSignatureException;

    /** Reason of a multi-signature rejection. */
    final class InvalidMultiSignatureException extends Exception {
        public InvalidMultiSignatureException(String reason) {
            super(reason);
        }

        public InvalidMultiSignatureException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
