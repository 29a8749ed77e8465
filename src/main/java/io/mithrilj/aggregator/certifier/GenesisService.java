package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.CertificateVerifierException;
import io.mithrilj.aggregator.certificate.GenesisCertificateProducer;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.epoch.EpochSource;
import io.mithrilj.aggregator.persistence.CertificateRepository;
import io.mithrilj.aggregator.persistence.EpochSettingRepository;
import io.mithrilj.aggregator.persistence.SignerRepository;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Upstream's genesis tools on the stores ({@code tools/genesis.rs}): the genesis certificate of the current
 * epoch E commits to the AVK of the signers registered for E and to the protocol parameters stored for
 * E−1. Export gives the payload to sign, import checks the signature and stores the certificate,
 * bootstrap (test networks) does both with a secret key.
 */
@ApplicationScoped
@Unremovable // looked up by the genesis commands, injected nowhere
public class GenesisService {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    /** What the genesis certificate of the current epoch is made of. */
    public record GenesisInputs(Epoch epoch, String avkJsonHex, ProtocolParameters parameters, int signers) {}

    private final EpochSource epochSource;
    private final SignerRepository signers;
    private final EpochSettingRepository epochSettings;
    private final CertificateRepository certificates;
    private final AggregatorConfig config;

    GenesisService(
            EpochSource epochSource,
            SignerRepository signers,
            EpochSettingRepository epochSettings,
            CertificateRepository certificates,
            AggregatorConfig config) {
        this.epochSource = epochSource;
        this.signers = signers;
        this.epochSettings = epochSettings;
        this.certificates = certificates;
        this.config = config;
    }

    /** The inputs of the genesis of the current epoch, or a clear error saying which is missing. */
    public GenesisInputs inputs() {
        long epoch = epochSource
                .current()
                .await()
                .atMost(STORE_TIMEOUT)
                .orElseThrow(() -> new GenesisException(
                        "the current epoch is not known yet: no epoch settings or certificates are stored"))
                .epoch();
        if (epoch == 0)
            throw new GenesisException(
                    "the genesis needs the protocol parameters of the previous epoch, and the current epoch is 0");
        ProtocolParameters parameters = epochSettings
                .find(epoch - 1)
                .await()
                .atMost(STORE_TIMEOUT)
                .map(s -> CertificateJson.readProtocolParameters(s.protocolParameters()))
                .orElseThrow(() -> new GenesisException("no protocol parameters stored for epoch " + (epoch - 1)));
        List<SignerRepository.StoredRegistration> registrations =
                signers.registrations(epoch).await().atMost(STORE_TIMEOUT);
        if (registrations.isEmpty()) {
            throw new GenesisException("no signer registered for epoch " + epoch
                    + ": the genesis commits to their aggregate verification key");
        }
        StmKeyRegistration registration = new StmKeyRegistration();
        List<StmKeyRegistration.Entry> entries = new ArrayList<>();
        for (SignerRepository.StoredRegistration r : registrations) {
            // the stake column is nullable (upstream's too): a registration without stake cannot be aggregated
            if (r.stake() == null) {
                throw new GenesisException(
                        "the stored registration of " + r.signerId() + " at epoch " + epoch + " has no stake recorded");
            }
            try {
                entries.add(new StmKeyRegistration.Entry(
                        r.stake().longValueExact(), StmVerificationKeyPoP.decode(r.verificationKey())));
            } catch (StmException | ArithmeticException e) {
                throw new GenesisException("the stored registration of " + r.signerId() + " at epoch " + epoch
                        + " is unusable: " + e.getMessage());
            }
        }
        try {
            registration.registerAll(entries);
        } catch (StmException e) {
            throw new GenesisException(
                    "the signers registered for epoch " + epoch + " can not be aggregated: " + e.getMessage());
        }
        String avk = registration.close().aggregateVerificationKey().toJsonHex();
        return new GenesisInputs(new Epoch(epoch), avk, parameters, registrations.size());
    }

    /** {@code genesis export}: the bytes to sign. */
    public byte[] exportPayload() {
        GenesisInputs in = inputs();
        return GenesisCertificateProducer.payloadToSign(in.epoch(), in.avkJsonHex(), in.parameters());
    }

    /** {@code genesis import}: rebuild the certificate of the current epoch with this signature, check it, store it. */
    public Certificate importSignature(Ed25519Signature signature, Ed25519VerificationKey genesisVerificationKey) {
        GenesisInputs in = inputs();
        Instant now = Instant.now();
        Certificate certificate = GenesisCertificateProducer.createCertificate(
                network(), in.epoch(), in.avkJsonHex(), in.parameters(), now, now, signature);
        return verifyAndStore(certificate, genesisVerificationKey);
    }

    /** {@code genesis bootstrap}: sign with the secret key, check, store (test networks only). */
    public Certificate bootstrap(Ed25519SigningKey genesisSecretKey) {
        GenesisInputs in = inputs();
        Certificate certificate = GenesisCertificateProducer.bootstrap(
                network(), in.epoch(), in.avkJsonHex(), in.parameters(), genesisSecretKey);
        return verifyAndStore(certificate, genesisSecretKey.verificationKey());
    }

    private Certificate verifyAndStore(Certificate certificate, Ed25519VerificationKey key) {
        CertificateChainVerifier verifier = new CertificateChainVerifier(
                hash -> {
                    throw new IllegalStateException("a genesis certificate has no parent");
                },
                StmMultiSignatureVerifier.INSTANCE,
                GenesisSignatureVerifier.ed25519(key));
        try {
            verifier.verifyGenesisCertificate(certificate);
        } catch (CertificateVerifierException e) {
            throw new GenesisException(
                    "the genesis certificate does not verify with this genesis verification key: " + e.getMessage());
        }
        certificates
                .save(CertificateJson.write(CertificateMessage.fromCertificate(certificate)))
                .await()
                .atMost(STORE_TIMEOUT);
        return certificate;
    }

    /** The network name of certificate metadata (upstream's Display of the configured network). */
    String network() {
        return config.network().trim().toLowerCase(Locale.ROOT);
    }

    /** A genesis step that can not be done, with the reason. */
    public static final class GenesisException extends RuntimeException {
        public GenesisException(String message) {
            super(message);
        }
    }
}
