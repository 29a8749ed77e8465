package io.mithrilj.aggregator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.GenesisCertificateProducer;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenesisCommandsTest {

    static int exec(Object command, String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter()))
                .execute(args);
    }

    @Test
    void generateKeypairExportSignImportVerify(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, exec(new GenesisGenerateKeypairCommand(), "--target-path", keys.toString()));
        String sk = Files.readString(keys.resolve("genesis.sk"));
        String vk = Files.readString(keys.resolve("genesis.vk"));
        assertFalse(sk.endsWith("\n") || vk.endsWith("\n"));
        assertTrue(sk.startsWith("5b") && vk.startsWith("5b")); // JSON-hex of a byte array
        assertEquals(vk, Ed25519SigningKey.fromJsonHex(sk).verificationKey().toJsonHex());

        // export: the payload of the fixture's genesis inputs
        Certificate fixture = CertificateJson.readCertificate(Fixtures.certificateJson(Fixtures.GENESIS));
        byte[] payload = GenesisCertificateProducer.payloadToSign(
                fixture.epoch(),
                fixture.aggregateVerificationKey(),
                fixture.metadata().protocolParameters());
        Path in = dir.resolve("payload");
        Files.write(in, payload);
        Path out = dir.resolve("signed");
        assertEquals(
                0,
                exec(
                        new GenesisSignCommand(),
                        "--to-sign-payload-path",
                        in.toString(),
                        "--target-signed-payload-path",
                        out.toString(),
                        "--genesis-secret-key-path",
                        keys.resolve("genesis.sk").toString()));
        byte[] signature = Files.readAllBytes(out);
        assertEquals(64, signature.length);

        // import: build the genesis certificate and verify it with the verification key file
        Certificate genesis = GenesisCertificateProducer.createCertificate(
                "devnet",
                fixture.epoch(),
                fixture.aggregateVerificationKey(),
                fixture.metadata().protocolParameters(),
                Instant.now(),
                Instant.now(),
                Ed25519Signature.fromBytes(signature));
        var verifier = new CertificateChainVerifier(
                h -> null, StmMultiSignatureVerifier.INSTANCE, GenesisSignatureVerifier.ed25519(vk));
        assertEquals(genesis.hash(), verifier.verifyChain(genesis).end().hash());

        // and through HTTP with verify-certificate-chain
        try (FakeAggregator aggregator = new FakeAggregator()) {
            aggregator.certificates.clear();
            aggregator.certificates.put(genesis.hash(), CertificateJson.writeCertificate(genesis));
            aggregator.list = io.mithrilj.aggregator.protocol.json.JsonArrays.join(
                    List.of(io.mithrilj.aggregator.protocol.json.MessageJson.certificateListItem(
                            CertificateJson.writeCertificate(genesis))));
            assertEquals(
                    0,
                    exec(
                            new VerifyCertificateChainCommand(),
                            "--aggregator-endpoint",
                            aggregator.endpoint(),
                            "--genesis-verification-key",
                            vk));
            assertEquals(
                    1,
                    exec(
                            new VerifyCertificateChainCommand(),
                            "--aggregator-endpoint",
                            aggregator.endpoint(),
                            "--genesis-verification-key",
                            UpstreamReference.GENESIS_VERIFICATION_KEY));
        }
    }

    @Test
    void signReproducesTheFixtureSignatureWithTheTestKey(@TempDir Path dir) throws Exception {
        Path sk = dir.resolve("genesis.sk");
        Files.writeString(sk, Ed25519SigningKey.deterministicTestKey().toJsonHex() + "\n");
        Path in = dir.resolve("payload");
        Files.writeString(
                in, "36691e3754dc483f4a02f18a5610254abb8b4681bd8d18b98fbd78fc2eddbe8b", StandardCharsets.US_ASCII);
        Path out = dir.resolve("sig");
        assertEquals(
                0,
                exec(
                        new GenesisSignCommand(),
                        "--to-sign-payload-path",
                        in.toString(),
                        "--target-signed-payload-path",
                        out.toString(),
                        "--genesis-secret-key-path",
                        sk.toString()));
        assertEquals(
                "b3e8e01f1a6dcb141c513b0d4019a5fcd43eecf6ea0132334a399650d2a51155f7b841539b55feb188234270ba46f86803910ceba297203bd98b1ddbb504f308",
                java.util.HexFormat.of().formatHex(Files.readAllBytes(out)));
    }

    @Test
    void signErrors(@TempDir Path dir) throws Exception {
        Path sk = dir.resolve("bad.sk");
        Files.writeString(sk, "not-hex");
        assertEquals(
                1,
                exec(
                        new GenesisSignCommand(),
                        "--to-sign-payload-path",
                        sk.toString(),
                        "--target-signed-payload-path",
                        dir.resolve("o").toString(),
                        "--genesis-secret-key-path",
                        sk.toString()));
        assertEquals(
                1,
                exec(
                        new GenesisSignCommand(),
                        "--to-sign-payload-path",
                        dir.resolve("missing").toString(),
                        "--target-signed-payload-path",
                        dir.resolve("o").toString(),
                        "--genesis-secret-key-path",
                        dir.resolve("missing.sk").toString()));
    }
}
