package io.mithrilj.aggregator.cardano.chainsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.NodeDouble;
import io.mithrilj.aggregator.cardano.block.BlockDecoder;
import io.mithrilj.aggregator.cardano.block.Point;
import io.mithrilj.aggregator.cardano.block.ScannedBlock;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chain-sync against the node double replaying upstream's blocks of every era. */
class ChainReaderTest {

    static final List<String> ERAS = List.of(
            "byron2.block", "shelley1.block", "allegra1.block", "mary1.block", "alonzo1.block", "conway1.block");

    @TempDir
    Path dir;

    NodeDouble node;
    List<byte[]> blocks;
    ChainReader reader;

    static List<byte[]> eraBlocks() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String f : ERAS)
            out.add(HexFormat.of()
                    .parseHex(Files.readString(UpstreamReference.cardanoTestData("blocks/" + f))
                            .replaceAll("\\s", "")));
        return out;
    }

    @BeforeEach
    void start() throws IOException {
        blocks = eraBlocks();
        node = NodeDouble.start(dir, 42).replay(blocks, 1);
        reader = new ChainReader(node.socket(), new CardanoNetwork("devnet", 42), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        reader.close();
        node.close();
    }

    List<Object> drain(BlockStream stream) {
        List<Object> seen = new ArrayList<>();
        for (Optional<ChainBlockNextAction> a = stream.next(); a.isPresent(); a = stream.next())
            seen.add(
                    switch (a.get()) {
                        case ChainBlockNextAction.RollForward f -> f.block();
                        case ChainBlockNextAction.RollBackward b -> b.point();
                    });
        return seen;
    }

    @Test
    void streamsEveryEraFromTheOriginWithUpstreamsHashes() {
        List<Object> seen = drain(new BlockStream(reader, Point.ORIGIN));
        assertThat(seen).hasSize(6).allMatch(o -> o instanceof ScannedBlock);
        ScannedBlock byron = (ScannedBlock) seen.get(0);
        assertThat(byron.blockHash()).isEqualTo("5a4f135aac8083df35161afca982d2cbd6c752421ae292ad09735b982d86ce40");
        assertThat(byron.transactionHashes())
                .containsExactly(
                        "a06e5a0150e09f8983be2deafab9e04afc60d92e7110999eb672c903343f1e26",
                        "f736d55633782151cd528f9918c3587155cbd59c46b6ca839e5b4860a780f379");
        ScannedBlock conway = (ScannedBlock) seen.get(5);
        assertThat(conway.blockNumber()).isEqualTo(1093546);
        assertThat(conway.slotNumber()).isEqualTo(22075282);
        assertThat(conway.transactionHashes())
                .containsExactly("ed8431dbe32cff36814ee838a7a002152d43a7465faaf05529907717c793527a");
        assertThat(seen.stream()
                        .mapToInt(b -> ((ScannedBlock) b).transactionHashes().size())
                        .sum())
                .isEqualTo(2 + 4 + 3 + 14 + 5 + 1);
    }

    @Test
    void startsAfterAKnownPointAndReportsRollBacks() {
        BlockDecoder d = new BlockDecoder();
        ScannedBlock shelley = d.decode(blocks.get(1));
        ScannedBlock allegra = d.decode(blocks.get(2));
        ScannedBlock mary = d.decode(blocks.get(3));
        node.rollBack(4, 2); // after alonzo, back to allegra: mary and alonzo again
        List<Object> seen = drain(new BlockStream(reader, Point.of(shelley.slotNumber(), shelley.blockHash())));
        assertThat(seen).hasSize(7);
        assertThat(((ScannedBlock) seen.get(0)).blockHash()).isEqualTo(allegra.blockHash());
        assertThat(seen.get(3)).isEqualTo(Point.of(allegra.slotNumber(), allegra.blockHash()));
        assertThat(((ScannedBlock) seen.get(4)).blockHash()).isEqualTo(mary.blockHash());
        assertThat(((ScannedBlock) seen.get(6)).blockNumber()).isEqualTo(1093546);
    }

    @Test
    void anUnknownPointIsAnErrorAndTheConnectionIsReopenedAfterwards() {
        assertThatThrownBy(() -> reader.setChainPoint(Point.of(1, "00")))
                .isInstanceOf(OuroborosException.ProtocolViolation.class)
                .hasMessageContaining("does not know the point");
        reader.setChainPoint(Point.ORIGIN);
        assertThat(reader.nextAction()).containsInstanceOf(ChainBlockNextAction.RollBackward.class);
        assertThat(node.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void atTheTipTheReaderWaitsForTheNodesReply() {
        drain(new BlockStream(reader, Point.ORIGIN));
        // still awaiting: a new position starts over on a fresh connection
        reader.setChainPoint(Point.ORIGIN);
        assertThat(reader.nextAction()).containsInstanceOf(ChainBlockNextAction.RollBackward.class);
    }
}
