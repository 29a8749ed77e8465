package io.mithrilj.aggregator.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.persistence.ArtifactFields;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CardanoStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The builders store an artifact from its written message without parsing it back (a mainnet MSD is ~9 MB): the
 * fields they give must be exactly those {@link ArtifactFields#fromMessage} reads from the same text.
 */
class ArtifactFieldsOfBuiltArtifactsTest {

    @Test
    void mithrilStakeDistributions() throws Exception {
        int n = 0;
        for (JsonNode node : fixture("mithril-stake-distributions.json")) {
            MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(node);
            assertSameFields(
                    SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION,
                    new SignedEntityType.MithrilStakeDistribution(m.epoch()),
                    m.hash(),
                    m.certificateHash(),
                    m.createdAt(),
                    StakeDistributionJson.write(m),
                    StakeDistributionJson.write(m.toListItem()));
            n++;
        }
        assertThat(n).isEqualTo(10);
    }

    @Test
    void cardanoStakeDistributions() throws Exception {
        int n = 0;
        for (JsonNode node : fixture("cardano-stake-distributions.json")) {
            CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(node);
            assertSameFields(
                    SignedEntityKind.CARDANO_STAKE_DISTRIBUTION,
                    new SignedEntityType.CardanoStakeDistribution(m.epoch()),
                    m.hash(),
                    m.certificateHash(),
                    m.createdAt(),
                    StakeDistributionJson.write(m),
                    StakeDistributionJson.write(m.toListItem()));
            n++;
        }
        assertThat(n).isEqualTo(10);
    }

    private static JsonNode fixture(String file) throws Exception {
        return MessageJson.parse(Files.readString(UpstreamReference.fakeData(file)));
    }

    /** The fields a builder gives (as ArtifactBuilderService does) equal those read back from the message. */
    private static void assertSameFields(
            SignedEntityKind kind,
            SignedEntityType type,
            String hash,
            String certificateHash,
            Instant createdAt,
            String json,
            String listItem) {
        ArtifactFields built = new ArtifactFields(
                kind,
                hash,
                certificateHash,
                type.beaconJson(),
                type.beaconEpoch().value(),
                Rfc3339.format(createdAt),
                json,
                listItem);
        assertThat(built).isEqualTo(ArtifactFields.fromMessage(kind, json));
    }
}
