package io.mithrilj.aggregator.protocol.signable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.mktree.MKTreeNode;
import io.mithrilj.aggregator.protocol.CardanoStakeDistribution;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import io.mithrilj.aggregator.protocol.json.CardanoStakeDistributionListItemMessage;
import io.mithrilj.aggregator.protocol.json.CardanoStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.CertificateMessage;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every CardanoStakeDistribution of upstream's fake data: hash recomputed, JSON rewritten byte for byte,
 * and the certificate's protocol message rebuilt with the MKTree root (artifacts.md §3, §8.1).
 */
class CardanoStakeDistributionGoldenTest {

    private static final Map<String, JsonNode> DETAILS =
            StakeDistributionFixtures.details("cardano-stake-distributions.json");

    @Test
    void upstreamUnitVector() {
        StakeDistribution distribution = StakeDistribution.of(Map.of("pool-2", 200L, "pool-1", 100L));
        assertThat(CardanoStakeDistribution.of(new Epoch(1), distribution).hash())
                .isEqualTo("7144dda132aa4fe758df8da5f85a774cef602ce85c8554baeeea006866710154");
    }

    @Test
    void hashesAreRecomputed() {
        assertThat(DETAILS).hasSize(10);
        for (Map.Entry<String, JsonNode> e : DETAILS.entrySet()) {
            CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(e.getValue());
            CardanoStakeDistribution recomputed = CardanoStakeDistribution.of(m.epoch(), m.stakeDistribution());
            assertThat(recomputed.hash())
                    .as("CSD %s", e.getKey())
                    .isEqualTo(e.getKey())
                    .isEqualTo(m.hash());
            assertThat(recomputed).isEqualTo(m.toArtifact());
        }
    }

    @Test
    void detailMessagesAreRewrittenByteForByte() {
        for (JsonNode node : DETAILS.values()) {
            CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(node);
            CardanoStakeDistribution artifact = CardanoStakeDistribution.of(m.epoch(), m.stakeDistribution());
            String written = StakeDistributionJson.write(
                    CardanoStakeDistributionMessage.of(artifact, m.certificateHash(), m.createdAt()));
            assertThat(written).isEqualTo(node.toString());
        }
    }

    @Test
    void listMessageIsRewrittenByteForByte() {
        JsonNode list = StakeDistributionFixtures.json("cardano-stake-distributions-list.json");
        List<CardanoStakeDistributionListItemMessage> items = new ArrayList<>();
        for (JsonNode item : list) {
            items.add(StakeDistributionJson.readCardano(
                            DETAILS.get(item.get("hash").asText()))
                    .toListItem());
        }
        assertThat(items).hasSize(10);
        assertThat(StakeDistributionJson.writeCardanoList(items)).isEqualTo(list.toString());
    }

    @Test
    void stakeDistributionKeysAreWrittenInPoolIdOrder() {
        JsonNode node = DETAILS.values().iterator().next();
        CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(node);
        Map<String, Long> reversed = new LinkedHashMap<>();
        new ArrayList<>(m.stakeDistribution().stakes().entrySet())
                .reversed()
                .forEach(e -> reversed.put(e.getKey(), e.getValue()));
        CardanoStakeDistributionMessage fromReversed = new CardanoStakeDistributionMessage(
                m.epoch(), m.hash(), m.certificateHash(), StakeDistribution.of(reversed), m.createdAt());
        assertThat(StakeDistributionJson.write(fromReversed)).isEqualTo(node.toString());
    }

    @Test
    void merkleRootOfTheSpecVector() {
        CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(
                DETAILS.get("18643e80b186168f521abde5154d98fe8befdc8075401344ccfa26d9e62037a0"));
        assertThat(CardanoStakeDistributionSignable.leaves(m.stakeDistribution())
                        .getFirst())
                .isEqualTo(MKTreeNode.ofText("pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a20000000001"));
        assertThat(CardanoStakeDistributionSignable.merkleTree(m.stakeDistribution())
                        .computeRoot()
                        .toHex())
                .isEqualTo("bbf078cf51269d21b0b1b62285df9fbc5fb83178d77d6c2beb8e772fe64592ae");
    }

    @Test
    void certificateMessagesAreRebuiltFromTheArtifacts() {
        Map<Epoch, MithrilStakeDistributionMessage> msdByEpoch = new LinkedHashMap<>();
        StakeDistributionFixtures.details("mithril-stake-distributions.json")
                .values()
                .forEach(n -> {
                    MithrilStakeDistributionMessage msd = StakeDistributionJson.readMithril(n);
                    msdByEpoch.put(msd.epoch(), msd);
                });
        int rebuilt = 0;
        int avksRecomputed = 0;
        for (JsonNode node : DETAILS.values()) {
            CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(node);
            CertificateMessage certificate = StakeDistributionFixtures.certificate(m.certificateHash());
            assertThat(certificate.signedEntityType())
                    .isEqualTo(new SignedEntityType.CardanoStakeDistribution(m.epoch()));
            ProtocolMessage certified = certificate.protocolMessage();
            Epoch current = m.epoch().next(); // a CSD of epoch e is signed during epoch e + 1
            assertThat(certified.get(ProtocolMessagePartKey.CURRENT_EPOCH)).contains(current.toString());

            SignableSeed seed = new SignableSeed(
                    certified
                            .get(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY)
                            .orElseThrow(),
                    certified
                            .get(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS)
                            .orElseThrow(),
                    current);
            MithrilStakeDistributionMessage nextSigners = msdByEpoch.get(current);
            if (nextSigners != null) {
                // the MSD signed in the same epoch lists the same next signers: the seed is fully recomputed
                seed = SignableSeed.of(current, nextSigners.signers(), nextSigners.protocolParameters());
                avksRecomputed++;
            }
            ProtocolMessage message = CardanoStakeDistributionSignable.computeSeededProtocolMessage(
                    m.epoch(), m.stakeDistribution(), seed);
            assertThat(message).isEqualTo(certified);
            assertThat(message.computeHash()).isEqualTo(certificate.signedMessage());
            rebuilt++;
        }
        assertThat(rebuilt).isEqualTo(10);
        assertThat(avksRecomputed).isGreaterThanOrEqualTo(9);
    }

    @Test
    void singlePoolRootIsItsLeafAndAnEmptyDistributionHasNone() {
        ProtocolMessage single = CardanoStakeDistributionSignable.computeProtocolMessage(
                new Epoch(4), StakeDistribution.of(Map.of("pool-123", 100L)));
        assertThat(single.get(ProtocolMessagePartKey.CARDANO_STAKE_DISTRIBUTION_MERKLE_ROOT))
                .contains("706f6f6c2d313233313030");
        assertThat(single.get(ProtocolMessagePartKey.CARDANO_STAKE_DISTRIBUTION_EPOCH))
                .contains("4");
        assertThatThrownBy(() -> CardanoStakeDistributionSignable.computeProtocolMessage(
                        new Epoch(4), StakeDistribution.empty()))
                .isInstanceOf(SignableException.class)
                .hasMessageContaining("epoch 4");
    }

    @Test
    void snapshotEpochIsTwoEpochsLater() {
        assertThat(CardanoStakeDistributionSignable.snapshotEpoch(new Epoch(10)))
                .isEqualTo(new Epoch(12));
    }
}
