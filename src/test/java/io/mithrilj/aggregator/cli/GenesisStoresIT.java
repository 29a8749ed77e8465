package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's genesis ceremony on real stores, with the packaged jar: generate-keypair, export, sign
 * (offline), import; then the stored certificate verifies. Stores seeded with the signers upstream's
 * fake aggregator registered for epoch 12 and the parameters of epoch 11.
 */
class GenesisStoresIT {

    @TempDir
    Path work;

    @Test
    void generateExportSignImportThenTheChainVerifierAcceptsTheStoredGenesis() throws Exception {
        Map<String, String> env = Map.of();
        try (EmbeddedDatabase db = EmbeddedDatabase.startIn(work.resolve("stores"))) {
            // the schema, created by the service's own migrations, on the shared embedded server
            assertThat(AggregatorProcess.run(work, env, "database", "migrate").exitCode())
                    .isZero();

            AggregatorProcess.Result early =
                    AggregatorProcess.run(work, env, "genesis", "export", "--target-path", "payload");
            assertThat(early.exitCode()).isEqualTo(1);
            assertThat(early.output()).contains("Error: the current epoch is not known yet");

            JsonNode msd12 = null;
            for (JsonNode msd : new ObjectMapper()
                    .readTree(UpstreamReference.fakeData("mithril-stake-distributions.json")
                            .toFile())) {
                if (msd.path("epoch").asLong() == 12) msd12 = msd;
            }
            try (Connection c = DriverManager.getConnection(
                    db.jdbcTarget().url(),
                    db.jdbcTarget().user(),
                    db.jdbcTarget().password())) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into epoch_setting (epoch_setting_id, protocol_parameters) values (?, ?)")) {
                    for (long e : new long[] {11, 12, 13}) {
                        ps.setLong(1, e);
                        ps.setString(2, "{\"k\":70,\"m\":105,\"phi_f\":0.95}");
                        ps.executeUpdate();
                    }
                }
                for (JsonNode s : msd12.path("signers")) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "insert into signer (signer_id, created_at, updated_at) values (?, 'now', 'now')")) {
                        ps.setString(1, s.path("party_id").asText());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("""
                            insert into signer_registration (signer_id, epoch_setting_id, verification_key, stake, created_at)
                            values (?, 12, ?, ?, 'now')""")) {
                        ps.setString(1, s.path("party_id").asText());
                        ps.setString(2, s.path("verification_key").asText());
                        ps.setBigDecimal(3, new BigDecimal(s.path("stake").bigIntegerValue()));
                        ps.executeUpdate();
                    }
                }
            }

            assertThat(AggregatorProcess.run(work, env, "genesis", "generate-keypair", "--target-path", "keys")
                            .exitCode())
                    .isZero();
            AggregatorProcess.Result export =
                    AggregatorProcess.run(work, env, "genesis", "export", "--target-path", "payload");
            assertThat(export.exitCode()).as(export.output()).isZero();
            assertThat(Files.readString(work.resolve("payload"))).matches("[0-9a-f]{64}");
            assertThat(AggregatorProcess.run(
                                    work,
                                    env,
                                    "genesis",
                                    "sign",
                                    "--to-sign-payload-path",
                                    "payload",
                                    "--target-signed-payload-path",
                                    "signed",
                                    "--genesis-secret-key-path",
                                    "keys/genesis.sk")
                            .exitCode())
                    .isZero();
            String vk = Files.readString(work.resolve("keys/genesis.vk"));

            AggregatorProcess.Result wrongKey = AggregatorProcess.run(
                    work,
                    env,
                    "genesis",
                    "import",
                    "--signed-payload-path",
                    "signed",
                    "--genesis-verification-key",
                    UpstreamReference.GENESIS_VERIFICATION_KEY);
            assertThat(wrongKey.exitCode()).isEqualTo(1);
            assertThat(wrongKey.output()).contains("does not verify with this genesis verification key");

            AggregatorProcess.Result imported = AggregatorProcess.run(
                    work,
                    env,
                    "genesis",
                    "import",
                    "--signed-payload-path",
                    "signed",
                    "--genesis-verification-key",
                    vk);
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            assertThat(imported.output()).contains("Genesis certificate ").contains(" stored");

            String stored;
            try (Connection c = DriverManager.getConnection(
                            db.jdbcTarget().url(),
                            db.jdbcTarget().user(),
                            db.jdbcTarget().password());
                    ResultSet rs =
                            c.createStatement().executeQuery("select message from certificate where is_genesis")) {
                assertThat(rs.next()).isTrue();
                stored = rs.getString(1);
                assertThat(rs.next()).as("exactly one genesis certificate").isFalse();
            }
            Certificate genesis = CertificateJson.readCertificate(stored);
            new CertificateChainVerifier(
                            hash -> {
                                throw new AssertionError("no parent expected");
                            },
                            StmMultiSignatureVerifier.INSTANCE,
                            GenesisSignatureVerifier.ed25519(vk))
                    .verifyChain(genesis);
            assertThat(genesis.epoch().value()).isEqualTo(12);
            // the AVK of the signers registered for 12 is what upstream's epoch-12 certificates announce as next AVK
            JsonNode certificates = new ObjectMapper()
                    .readTree(UpstreamReference.fakeData("certificates.json").toFile());
            String announced = null;
            for (JsonNode cert : certificates) {
                if (cert.path("epoch").asLong() == 12)
                    announced = cert.path("protocol_message")
                            .path("message_parts")
                            .path("next_aggregate_verification_key")
                            .asText();
            }
            assertThat(genesis.protocolMessage().parts().get(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY))
                    .isEqualTo(announced);
        }
    }
}
