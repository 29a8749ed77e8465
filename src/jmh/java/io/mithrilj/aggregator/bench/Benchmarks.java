package io.mithrilj.aggregator.bench;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.InMemoryCertificateRetriever;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.certificate.VerifiedCertificateCache;
import io.mithrilj.aggregator.protocol.Certificate;
import java.util.Collection;

final class Benchmarks {
    private Benchmarks() {}

    /** A verifier with the real STM and Ed25519 checks and no cache (every walk verifies everything). */
    static CertificateChainVerifier verifier(Collection<Certificate> certificates, String genesisVk) {
        return new CertificateChainVerifier(new InMemoryCertificateRetriever(certificates),
                StmMultiSignatureVerifier.INSTANCE, GenesisSignatureVerifier.ed25519(genesisVk),
                VerifiedCertificateCache.disabled(), CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);
    }
}
