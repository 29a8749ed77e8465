package io.mithrilj.aggregator.follower;

/**
 * The certificate chain could not be synchronized with the leader: the message says, on one line, what failed (the
 * leader's answer with its URL, the hash of the certificate that did not verify, or the store's failure). Nothing was
 * stored.
 */
public class CertificateChainSyncException extends FollowerException {
    public CertificateChainSyncException(String message) {
        super(message);
    }

    public CertificateChainSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
