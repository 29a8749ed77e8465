package io.mithrilj.aggregator.certificate;

import io.mithrilj.aggregator.protocol.Certificate;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A retriever over certificates held in memory, keyed by their {@code hash} field. */
public final class InMemoryCertificateRetriever implements CertificateRetriever {
    private final Map<String, Certificate> byHash = new ConcurrentHashMap<>();

    public InMemoryCertificateRetriever(Collection<Certificate> certificates) {
        certificates.forEach(this::put);
    }

    public void put(Certificate c) {
        byHash.put(c.hash(), c);
    }

    @Override
    public Certificate getCertificateDetails(String hash) throws CertificateRetrieverException {
        Certificate c = byHash.get(hash);
        if (c == null) {
            throw CertificateRetrieverException.notFound(hash);
        }
        return c;
    }
}
