package io.mithrilj.aggregator.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenesisCertificateProducerTest {

    @Test
    void rebuildsTheFixtureGenesisByteForByte() throws Exception {
        Certificate fixture = ChainFixture.certificate(Fixtures.GENESIS);
        byte[] payload = GenesisCertificateProducer.payloadToSign(
                fixture.epoch(),
                fixture.aggregateVerificationKey(),
                fixture.metadata().protocolParameters());
        assertEquals(
                "36691e3754dc483f4a02f18a5610254abb8b4681bd8d18b98fbd78fc2eddbe8b",
                new String(payload, StandardCharsets.US_ASCII));
        // upstream's deterministic test key is the fixture's genesis key; Ed25519 is deterministic
        Ed25519SigningKey key = Ed25519SigningKey.deterministicTestKey();
        assertEquals(
                UpstreamReference.GENESIS_VERIFICATION_KEY,
                key.verificationKey().toJsonHex());
        Ed25519Signature sig = key.sign(payload);
        assertEquals(((CertificateSignature.Genesis) fixture.signature()).bytesHex(), sig.toBytesHex());
        Certificate rebuilt = GenesisCertificateProducer.createCertificate(
                "devnet",
                fixture.epoch(),
                fixture.aggregateVerificationKey(),
                fixture.metadata().protocolParameters(),
                fixture.metadata().initiatedAt(),
                fixture.metadata().sealedAt(),
                sig);
        assertEquals(Fixtures.GENESIS, rebuilt.hash());
        assertEquals(Fixtures.certificateJson(Fixtures.GENESIS), CertificateJson.writeCertificate(rebuilt));
        new CertificateChainVerifier(
                        h -> null,
                        ChainFixture.MULTI_SIGNATURE_NOT_CHECKED,
                        GenesisSignatureVerifier.ed25519(UpstreamReference.GENESIS_VERIFICATION_KEY))
                .verifyChain(rebuilt);
    }

    @Test
    void newGenesisKeyExportSignImportVerify() throws Exception {
        Certificate fixture = ChainFixture.certificate(Fixtures.GENESIS);
        Ed25519SigningKey key = Ed25519SigningKey.generate();
        byte[] payload = GenesisCertificateProducer.payloadToSign(
                fixture.epoch(),
                fixture.aggregateVerificationKey(),
                fixture.metadata().protocolParameters());
        Ed25519Signature sig = key.sign(payload);
        Certificate genesis = GenesisCertificateProducer.createCertificate(
                "devnet",
                fixture.epoch(),
                fixture.aggregateVerificationKey(),
                fixture.metadata().protocolParameters(),
                java.time.Instant.parse("2026-01-01T00:00:00.123456789Z"),
                java.time.Instant.parse("2026-01-01T00:00:00.123456790Z"),
                sig);
        Map<String, Certificate> certs = Map.of(genesis.hash(), genesis);
        var v = ChainFixture.verifier(
                certs,
                ChainFixture.bestMultiSignatureVerifier(),
                key.verificationKey().toJsonHex());
        assertEquals(genesis, v.verifyChain(genesis).end());
        // JSON round trip keeps the nanoseconds and therefore the hash
        Certificate back = CertificateJson.readCertificate(CertificateJson.writeCertificate(genesis));
        assertEquals(genesis.hash(), back.computeHash());
    }
}
