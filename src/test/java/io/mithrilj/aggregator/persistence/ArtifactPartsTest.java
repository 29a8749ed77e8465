package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.MithrilStakeDistributionMessage;
import io.mithrilj.aggregator.protocol.json.Rfc3339;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.mithrilj.aggregator.protocol.json.StakeDistributionJson;
import io.mithrilj.aggregator.testing.UpstreamReference;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A MithrilStakeDistribution stored with its signers apart (an artifact part): read back, it is the message written
 * whole, byte for byte, whether the part was stored ahead or within the artifact's own transaction; upkeep's pruning
 * deletes only the parts no artifact refers to. Upstream's artifact of the fake data, moved to epochs 90001+ (no other
 * test's).
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class ArtifactPartsTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final SignedEntityKind MSD = SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION;

    @Inject
    SignedEntityRepository signedEntities;

    @Inject
    Pool pool;

    /** Upstream's first MithrilStakeDistribution of the fake data, at {@code epoch}, with its own id. */
    private static MithrilStakeDistributionMessage upstreamAt(long epoch) throws Exception {
        var all = MessageJson.parse(UpstreamReference.text("aggregator-fake-data/mithril-stake-distributions.json"));
        MithrilStakeDistributionMessage m = StakeDistributionJson.readMithril(
                all.properties().iterator().next().getValue());
        assertThat(m.signers()).isNotEmpty();
        return new MithrilStakeDistributionMessage(
                new Epoch(epoch),
                m.signers(),
                "parts-test-" + epoch,
                m.certificateHash(),
                m.createdAt(),
                m.protocolParameters());
    }

    private static ArtifactFields withPart(MithrilStakeDistributionMessage m, boolean partStored) {
        ArtifactPart part =
                new ArtifactPart(m.hash(), m.epoch().value(), StakeDistributionJson.writeSigners(m.signers(), true));
        return new ArtifactFields(
                MSD,
                m.hash(),
                m.certificateHash(),
                Long.toString(m.epoch().value()),
                m.epoch().value(),
                Rfc3339.format(m.createdAt()),
                StakeDistributionJson.writeMithril(m, ArtifactPart.MARKER),
                StakeDistributionJson.write(m.toListItem()),
                partStored ? part.stored() : part);
    }

    @AfterEach
    void cleanUp() {
        pool.query("delete from signed_entity where signed_entity_id like 'parts-test-%'")
                .execute()
                .await()
                .atMost(T);
        pool.query("delete from artifact_part where artifact_part_id like 'parts-test-%'")
                .execute()
                .await()
                .atMost(T);
    }

    @Test
    void anArtifactWithItsPartReadsAsTheWholeMessage() throws Exception {
        // part written by the artifact's own transaction
        MithrilStakeDistributionMessage inline = upstreamAt(90001);
        signedEntities.save(withPart(inline, false)).await().atMost(T);
        // part stored ahead, the artifact refers to it
        MithrilStakeDistributionMessage ahead = upstreamAt(90002);
        ArtifactFields fields = withPart(ahead, false);
        signedEntities.savePart(fields.part()).await().atMost(T);
        signedEntities.savePart(fields.part()).await().atMost(T); // twice: nothing happens
        assertThat(signedEntities.hasPart(ahead.hash()).await().atMost(T)).isTrue();
        signedEntities.save(withPart(ahead, true)).await().atMost(T);

        for (MithrilStakeDistributionMessage m : new MithrilStakeDistributionMessage[] {inline, ahead}) {
            String whole = StakeDistributionJson.write(m);
            assertThat(fields.artifact()).doesNotContain(m.signers().get(0).verificationKey());
            assertThat(signedEntities.findArtifact(MSD, m.hash()).await().atMost(T))
                    .contains(whole);
            assertThat(signedEntities
                            .findArtifactByEpoch(MSD, m.epoch().value())
                            .await()
                            .atMost(T))
                    .contains(whole);
            // and what a whole artifact stores is what the repository reads from the message
            assertThat(ArtifactFields.fromMessage(MSD, whole).artifact()).isEqualTo(whole);
        }
        assertThat(signedEntities.findLatestArtifact(MSD).await().atMost(T))
                .contains(StakeDistributionJson.write(ahead));
    }

    @Test
    void aMissingPartIsRefused() throws Exception {
        MithrilStakeDistributionMessage m = upstreamAt(90003);
        // the artifact names a part nobody stored: the foreign key refuses it, nothing is stored
        org.junit.jupiter.api.Assertions.assertThrows(
                Exception.class,
                () -> signedEntities.save(withPart(m, true)).await().atMost(T));
        assertThat(signedEntities.findArtifact(MSD, m.hash()).await().atMost(T)).isEqualTo(Optional.empty());
    }

    @Test
    void pruningDeletesOnlyUnreferencedPartsOfPastEpochs() throws Exception {
        MithrilStakeDistributionMessage used = upstreamAt(90004);
        signedEntities.save(withPart(used, false)).await().atMost(T);
        MithrilStakeDistributionMessage unused = upstreamAt(90005);
        signedEntities.savePart(withPart(unused, false).part()).await().atMost(T);
        MithrilStakeDistributionMessage current = upstreamAt(90007);
        signedEntities.savePart(withPart(current, false).part()).await().atMost(T);

        int deleted =
                signedEntities.deleteUnreferencedPartsBefore(90006).await().atMost(T);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(signedEntities.hasPart(unused.hash()).await().atMost(T)).isFalse();
        assertThat(signedEntities.hasPart(used.hash()).await().atMost(T)).isTrue();
        assertThat(signedEntities.hasPart(current.hash()).await().atMost(T)).isTrue();
        assertThat(signedEntities.findArtifact(MSD, used.hash()).await().atMost(T))
                .contains(StakeDistributionJson.write(used));
        long rows = pool.preparedQuery("select count(*) from artifact_part where artifact_part_id = $1")
                .execute(Tuple.of(used.hash()))
                .await()
                .atMost(T)
                .iterator()
                .next()
                .getLong(0);
        assertThat(rows).isEqualTo(1);
    }
}
