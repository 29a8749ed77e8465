package io.mithrilj.aggregator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.certifier.GenesisKeys;
import io.mithrilj.aggregator.cli.MithrilAggregatorMain;
import io.mithrilj.aggregator.devnet.DevnetSigners;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.CardanoStakeDistribution;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.MithrilStakeDistribution;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.json.CardanoStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import io.mithrilj.aggregator.protocol.signable.CardanoStakeDistributionSignable;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The embedded devnet certifies on its own: simulated pools register and sign over the HTTP API, the runtime makes the
 * genesis, then a MithrilStakeDistribution and a CardanoStakeDistribution certificate with their artifacts every epoch;
 * the chain verifies with {@code tools verify-certificate-chain} against the running service.
 */
@QuarkusTest
@TestProfile(RunningDevnet.Profile.class)
class DevnetCertificationTest {

    @Inject
    Pool pool;

    @Inject
    RuntimeCycle runtime;

    @Inject
    DevnetSigners signers;

    @Inject
    GenesisKeys genesisKeys;

    @Inject
    AggregatorMetrics metrics;

    @TestHTTPResource("/aggregator")
    URL aggregator;

    @AfterEach
    void stop() throws InterruptedException {
        RunningDevnet.stop(pool, runtime, signers);
    }

    private static Set<Long> bothTypes(Set<Long> msdEpochs, Set<Long> csdEpochs) {
        Set<Long> both = new HashSet<>(msdEpochs);
        both.retainAll(csdEpochs);
        return both;
    }

    @Test
    void certifiesThreeEpochsAfterGenesisWithBothArtifactsAndAChainThatVerifies() throws Exception {
        RunningDevnet.start(pool, runtime, signers);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Set<Long> msdEpochs = new HashSet<>();
        Set<Long> csdEpochs = new HashSet<>();
        JsonNode certificates = null;
        while (Instant.now().isBefore(deadline)) {
            certificates = MessageJson.parse(RestAssured.get(aggregator + "/certificates")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            msdEpochs.clear();
            csdEpochs.clear();
            for (JsonNode c : certificates) {
                if (c.get("previous_hash").asText().isEmpty()) continue; // the genesis
                JsonNode type = c.get("signed_entity_type");
                if (type.has("MithrilStakeDistribution"))
                    msdEpochs.add(c.get("epoch").asLong());
                if (type.has("CardanoStakeDistribution"))
                    csdEpochs.add(c.get("epoch").asLong());
            }
            // an epoch's CardanoStakeDistribution is certified after its MithrilStakeDistribution (a read between the
            // two is not a failure), and on a loaded machine an 8-second epoch may end before it is: three epochs
            // with both
            if (bothTypes(msdEpochs, csdEpochs).size() >= 3) break;
            Thread.sleep(500);
        }
        assertThat(bothTypes(msdEpochs, csdEpochs))
                .as(
                        "epochs with a MithrilStakeDistribution and a CardanoStakeDistribution certificate (MSD %s, CSD %s)",
                        msdEpochs, csdEpochs)
                .hasSizeGreaterThanOrEqualTo(3);

        // every certificate's artifact is served, linked to it
        JsonNode msds = MessageJson.parse(RestAssured.get(aggregator + "/artifact/mithril-stake-distributions")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(msds.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode item : msds) {
            // as a Mithril client checks it: the artifact's hash, then its signers' AVK in the certified message
            Certificate certificate = CertificateJson.readCertificate(RestAssured.get(aggregator + "/certificate/"
                            + item.get("certificate_hash").asText())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            MithrilStakeDistributionMessage artifact = StakeDistributionJson.readMithril(
                    RestAssured.get(aggregator + "/artifact/mithril-stake-distribution/"
                                    + item.get("hash").asText())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            assertThat(MithrilStakeDistribution.computeHash(artifact.epoch(), artifact.signers()))
                    .isEqualTo(artifact.hash());
            ProtocolMessage expected = certificate
                    .protocolMessage()
                    .with(
                            ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY,
                            SignableSeed.aggregateVerificationKey(artifact.signers()));
            assertThat(expected.computeHash()).isEqualTo(certificate.signedMessage());
        }
        // their signers were stored ahead, as artifact parts, and the served text above put them back
        long withParts = pool.query("select count(*) from signed_entity where signed_entity_type_id = 0"
                        + " and artifact_part_id is not null")
                .execute()
                .await()
                .atMost(java.time.Duration.ofSeconds(30))
                .iterator()
                .next()
                .getLong(0);
        assertThat(withParts)
                .as("MithrilStakeDistributions stored with an artifact part")
                .isEqualTo(msds.size());
        JsonNode csds = MessageJson.parse(RestAssured.get(aggregator + "/artifact/cardano-stake-distributions")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(csds.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode item : csds) {
            CardanoStakeDistributionMessage artifact = StakeDistributionJson.readCardano(
                    RestAssured.get(aggregator + "/artifact/cardano-stake-distribution/"
                                    + item.get("hash").asText())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            Certificate certificate = CertificateJson.readCertificate(
                    RestAssured.get(aggregator + "/certificate/" + artifact.certificateHash())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            assertThat(CardanoStakeDistribution.computeHash(artifact.epoch(), artifact.stakeDistribution()))
                    .isEqualTo(artifact.hash());
            // the certified Merkle root is the one of the served distribution
            assertThat(CardanoStakeDistributionSignable.computeProtocolMessage(
                                    artifact.epoch(), artifact.stakeDistribution())
                            .parts())
                    .isNotEmpty()
                    .allSatisfy((key, value) ->
                            assertThat(certificate.protocolMessage().get(key)).contains(value));
        }
        assertThat(metrics.value(MithrilMetric.CERTIFICATE_TOTAL_PRODUCED)).isGreaterThanOrEqualTo(6);
        assertThat(metrics.value(MithrilMetric.ARTIFACT_CARDANO_STAKE_DISTRIBUTION_TOTAL_PRODUCED))
                .isGreaterThanOrEqualTo(3);

        // the chain verifies as a client would check it, from the latest certificate down to the genesis
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MithrilAggregatorMain.commandLine(new String[0]);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(
                "tools",
                "verify-certificate-chain",
                "--aggregator-endpoint",
                aggregator.toString(),
                "--genesis-verification-key",
                genesisKeys.verificationKey().orElseThrow().toJsonHex());
        assertThat(exit).as("verify-certificate-chain: %s %s", out, err).isZero();
    }
}
