package io.mithrilj.aggregator.certificate;

/** A certificate could not be retrieved (missing, transport failure, undecodable). */
public class CertificateRetrieverException extends Exception {
    public CertificateRetrieverException(String message) {
        super(message);
    }

    public CertificateRetrieverException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Upstream's message for a 404: {@code Certificate does not exist: '<hash>'}. */
    public static CertificateRetrieverException notFound(String hash) {
        return new CertificateRetrieverException("Certificate does not exist: '" + hash + "'");
    }
}
