package io.mithrilj.aggregator.protocol.signable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.Sum6KesSignature;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.MithrilStakeDistribution;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionListItemMessage;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Every MithrilStakeDistribution of upstream's fake data: hash recomputed, JSON rewritten byte for byte,
 * and the certificate's protocol message rebuilt from the artifact's signers (artifacts.md §2, §8.1).
 */
class MithrilStakeDistributionGoldenTest {

    private static final Map<String, JsonNode> DETAILS =
            StakeDistributionFixtures.details("mithril-stake-distributions.json");

    @Test
    void theFixtureHoldsTenArtifacts() {
        assertThat(DETAILS).hasSize(10);
    }

    @Test
    void hashesAreRecomputedFromEpochAndSignersWhateverTheirOrder() {
        for (Map.Entry<String, JsonNode> e : DETAILS.entrySet()) {
            MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(e.getValue());
            List<SignerWithStake> shuffled = new ArrayList<>(m.signers());
            Collections.reverse(shuffled);
            MithrilStakeDistribution recomputed =
                    MithrilStakeDistribution.of(m.epoch(), shuffled, m.protocolParameters());
            assertThat(recomputed.hash())
                    .as("MSD %s", e.getKey())
                    .isEqualTo(e.getKey())
                    .isEqualTo(m.hash());
            assertThat(recomputed.signersWithStake()).isEqualTo(m.signers());
            assertThat(recomputed).isEqualTo(m.toArtifact());
        }
    }

    @Test
    void signerHashesOfTheSpec() {
        MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(
                DETAILS.get("05c9dcf87bf1e10486ee46c3fa51535bc195ec2d03ecf0fd625372082c2d020d"));
        assertThat(m.signers())
                .extracting(SignerWithStake::computeHash)
                .containsExactly(
                        "fcee139eb908f838dc0b56fc7870a903822c2dbf2449db232d7fa32091ad6c4e",
                        "33ede84df81a26cdaf5ec579a0be4ce127b8ef6ed703df040e8de638e218c6b7");
    }

    @Test
    void theKesPeriodIsNotHashedButEveryKeyIs() {
        SignerWithStake s = StakeDistributionJson.readMithril(
                        DETAILS.values().iterator().next())
                .signers()
                .getFirst();
        SignerWithStake otherKes = new SignerWithStake(
                s.partyId(),
                s.verificationKey(),
                s.verificationKeySignature(),
                s.operationalCertificate(),
                OptionalLong.of(7),
                s.stake());
        assertThat(otherKes.computeHash()).isEqualTo(s.computeHash());
        SignerWithStake noOpcert = new SignerWithStake(
                s.partyId(),
                s.verificationKey(),
                s.verificationKeySignature(),
                Optional.empty(),
                s.kesEvolutions(),
                s.stake());
        assertThat(noOpcert.computeHash()).isNotEqualTo(s.computeHash());
        SignerWithStake otherStake = new SignerWithStake(
                s.partyId(),
                s.verificationKey(),
                s.verificationKeySignature(),
                s.operationalCertificate(),
                s.kesEvolutions(),
                s.stake() + 1);
        assertThat(otherStake.computeHash()).isNotEqualTo(s.computeHash());
    }

    @Test
    void detailMessagesAreRewrittenByteForByte() {
        for (JsonNode node : DETAILS.values()) {
            MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(node);
            MithrilStakeDistribution artifact =
                    MithrilStakeDistribution.of(m.epoch(), m.signers(), m.protocolParameters());
            String written = StakeDistributionJson.write(
                    MithrilStakeDistributionMessage.of(artifact, m.certificateHash(), m.createdAt()));
            assertThat(written).isEqualTo(node.toString());
        }
    }

    @Test
    void listMessageIsRewrittenByteForByteAndIsTheDetailsSubset() {
        JsonNode list = StakeDistributionFixtures.json("mithril-stake-distributions-list.json");
        List<MithrilStakeDistributionListItemMessage> items = new ArrayList<>();
        for (JsonNode item : list) {
            MithrilStakeDistributionMessage detail = StakeDistributionJson.readMithril(
                    DETAILS.get(item.get("hash").asText()));
            items.add(detail.toListItem());
        }
        assertThat(items).hasSize(10);
        assertThat(StakeDistributionJson.writeMithrilList(items)).isEqualTo(list.toString());
        assertThat(StakeDistributionJson.write(items.getFirst()))
                .isEqualTo(list.get(0).toString());
    }

    @Test
    void epochSettingsSignersAreWrittenWithoutStakeByteForByte() {
        Map<String, SignerWithStake> byKey = new java.util.HashMap<>();
        DETAILS.values()
                .forEach(n ->
                        StakeDistributionJson.readMithril(n).signers().forEach(s -> byKey.put(s.verificationKey(), s)));
        JsonNode settings = StakeDistributionFixtures.json("epoch-settings.json");
        for (String list : List.of("current_signers", "next_signers")) {
            List<SignerWithStake> signers = new ArrayList<>();
            settings.get(list)
                    .forEach(
                            n -> signers.add(byKey.get(n.get("verification_key").asText())));
            assertThat(signers).doesNotContainNull().hasSize(2);
            assertThat(StakeDistributionJson.writeSigners(signers, false))
                    .isEqualTo(settings.get(list).toString());
        }
    }

    @Test
    void keysAreHeldInTheirCanonicalJsonHexForm() throws Exception {
        for (JsonNode node : DETAILS.values()) {
            for (SignerWithStake s : StakeDistributionJson.readMithril(node).signers()) {
                assertThat(StmVerificationKeyPoP.decode(s.verificationKey()).toJsonHex())
                        .isEqualTo(s.verificationKey());
                assertThat(Sum6KesSignature.decode(s.verificationKeySignature().orElseThrow())
                                .toJsonHex())
                        .isEqualTo(s.verificationKeySignature().get());
                OperationalCertificate opcert =
                        OperationalCertificate.decode(s.operationalCertificate().orElseThrow());
                assertThat(opcert.toJsonHex())
                        .isEqualTo(s.operationalCertificate().get());
                assertThat(opcert.partyId()).isEqualTo(s.partyId());
            }
        }
    }

    @Test
    void certificateMessagesAreRebuiltFromTheArtifactSigners() {
        int rebuilt = 0;
        for (JsonNode node : DETAILS.values()) {
            MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(node);
            CertificateMessage certificate = StakeDistributionFixtures.certificate(m.certificateHash());
            assertThat(certificate.signedEntityType())
                    .isEqualTo(new SignedEntityType.MithrilStakeDistribution(m.epoch()));

            SignableSeed seed = SignableSeed.of(m.epoch(), m.signers(), m.protocolParameters());
            ProtocolMessage message = MithrilStakeDistributionSignable.computeSeededProtocolMessage(m.epoch(), seed);

            assertThat(message).isEqualTo(certificate.protocolMessage());
            assertThat(message.computeHash()).isEqualTo(certificate.signedMessage());
            rebuilt++;
        }
        assertThat(rebuilt).isEqualTo(10);
    }

    @Test
    void aggregateVerificationKeyOfMsd12DecodesToTheSpecJson() {
        MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(
                DETAILS.get("05c9dcf87bf1e10486ee46c3fa51535bc195ec2d03ecf0fd625372082c2d020d"));
        assertThat(new String(
                        java.util.HexFormat.of().parseHex(SignableSeed.aggregateVerificationKey(m.signers())),
                        java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"mt_commitment\":{\"root\":[222,37,236,227,81,56,14,193,52,7,197,6,41,90,206,224,67,61,27,102,3,31,123,170,29,98,44,109,187,93,223,144],\"nr_leaves\":2,\"hasher\":null},\"total_stake\":40000000002}");
    }

    @Test
    void seedPartsOfTheFixtureParameters() {
        SignableSeed seed = new SignableSeed("avk", new ProtocolParameters(70, 105, 0.95).computeHash(), new Epoch(18));
        ProtocolMessage message = seed.seed(ProtocolMessage.empty().with(ProtocolMessagePartKey.CURRENT_EPOCH, "1"));
        assertThat(message.parts())
                .containsExactly(
                        Map.entry(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY, "avk"),
                        Map.entry(
                                ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS,
                                "c36d7a800cb88eed32791ad2de7a37d758ed878c3c721b254a9a29e42cc6ad4f"),
                        Map.entry(ProtocolMessagePartKey.CURRENT_EPOCH, "18"));
    }

    @Test
    void noSignerMeansNoAggregateVerificationKey() {
        assertThatThrownBy(() -> SignableSeed.of(new Epoch(3), List.of(), new ProtocolParameters(5, 100, 0.65)))
                .isInstanceOf(SignableException.class)
                .hasMessage(SignableSeed.NO_SIGNERS);
    }

    @Test
    void anUndecodableKeyIsNamed() {
        SignerWithStake bad =
                new SignerWithStake("pool1bad", "7b7d", Optional.empty(), Optional.empty(), OptionalLong.empty(), 10);
        assertThatThrownBy(() -> SignableSeed.aggregateVerificationKey(List.of(bad)))
                .isInstanceOf(SignableException.class)
                .hasMessageContaining("pool1bad");
    }
}
