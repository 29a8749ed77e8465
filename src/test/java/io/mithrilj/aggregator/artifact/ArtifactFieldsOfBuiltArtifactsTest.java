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
import org.junit.jupiter.api.Test;

/**
 * The builders store an artifact from its written message without parsing it back (a mainnet MSD is ~9 MB): the
 * fields they give must be exactly those {@link ArtifactFields#fromMessage} reads from the same text.
 */
class ArtifactFieldsOfBuiltArtifactsTest {

    @Test
    void mithrilStakeDistributions() throws Exception {
        JsonNode all =
                MessageJson.parse(Files.readString(UpstreamReference.fakeData("mithril-stake-distributions.json")));
        int n = 0;
        for (JsonNode node : all) {
            MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(node);
            String json = StakeDistributionJson.write(m);
            ArtifactFields read = ArtifactFields.fromMessage(SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION, json);
            ArtifactFields built = new ArtifactFields(
                    SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION,
                    m.hash(),
                    m.certificateHash(),
                    new SignedEntityType.MithrilStakeDistribution(m.epoch()).beaconJson(),
                    m.epoch().value(),
                    Rfc3339.format(m.createdAt()),
                    json,
                    StakeDistributionJson.write(m.toListItem()));
            assertThat(built).isEqualTo(read);
            n++;
        }
        assertThat(n).isEqualTo(10);
    }

    @Test
    void cardanoStakeDistributions() throws Exception {
        JsonNode all =
                MessageJson.parse(Files.readString(UpstreamReference.fakeData("cardano-stake-distributions.json")));
        int n = 0;
        for (JsonNode node : all) {
            CardanoStakeDistributionMessage m = StakeDistributionJson.readCardano(node);
            String json = StakeDistributionJson.write(m);
            ArtifactFields read = ArtifactFields.fromMessage(SignedEntityKind.CARDANO_STAKE_DISTRIBUTION, json);
            ArtifactFields built = new ArtifactFields(
                    SignedEntityKind.CARDANO_STAKE_DISTRIBUTION,
                    m.hash(),
                    m.certificateHash(),
                    new SignedEntityType.CardanoStakeDistribution(m.epoch()).beaconJson(),
                    m.epoch().value(),
                    Rfc3339.format(m.createdAt()),
                    json,
                    StakeDistributionJson.write(m.toListItem()));
            assertThat(built).isEqualTo(read);
            n++;
        }
        assertThat(n).isEqualTo(10);
    }
}
