package io.mithrilj.aggregator.follower;

import io.mithrilj.aggregator.certificate.CertificateRetriever;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.json.CryptoCanonicalizer;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import java.util.Optional;

/**
 * What a follower reads from its leader aggregator (upstream {@code LeaderAggregatorClient} and {@code
 * RemoteCertificateRetriever}). Every failure is a {@link LeaderAggregatorException} naming the URL and what was
 * wrong.
 */
public interface LeaderAggregator extends CertificateRetriever {

    /** The leader's API root, e.g. {@code https://aggregator.example/aggregator}. */
    String endpoint();

    /** {@code GET /epoch-settings}: the leader's epoch, its current and next signers. */
    EpochSettingsMessage epochSettings() throws LeaderAggregatorException;

    /**
     * The leader's latest certificate: the first item of {@code GET /certificates}, then {@code GET
     * /certificate/{hash}}; empty when the leader has no certificate yet.
     */
    Optional<Certificate> latestCertificate() throws LeaderAggregatorException;

    /** {@code GET /certificate/genesis}; empty when the leader answers 404 (no chain yet). */
    Optional<Certificate> genesisCertificate() throws LeaderAggregatorException;

    /**
     * {@code GET /protocol-configuration/{epoch}}: the leader's protocol parameters (and signing configuration) of an
     * epoch, as the message text; empty on 404.
     */
    Optional<String> protocolConfiguration(long epoch) throws LeaderAggregatorException;

    /** {@code GET /certificate/{hash}}; {@link LeaderAggregatorException} also when it does not exist (404). */
    @Override
    Certificate getCertificateDetails(String hash) throws LeaderAggregatorException;

    /**
     * {@link #getCertificateDetails(String)} with the certificate's crypto strings made canonical by {@code
     * canonicalizer} instead of {@link CryptoCanonicalizer#STM} (the synchronizer's keeps each decoded multi-signature
     * for the verification that follows).
     */
    Certificate getCertificateDetails(String hash, CryptoCanonicalizer canonicalizer) throws LeaderAggregatorException;
}
