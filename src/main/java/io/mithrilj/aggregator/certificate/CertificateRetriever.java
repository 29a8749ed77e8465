package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.protocol.Certificate;

/** Returns a certificate by hash (local store, or a leader's {@code GET /certificate/{hash}}). */
@FunctionalInterface
public interface CertificateRetriever {

    /**
     * @throws CertificateRetrieverException when the certificate does not exist or can not be fetched or decoded
     */
    Certificate getCertificateDetails(String hash) throws CertificateRetrieverException;
}
