package io.mithrilj.aggregator.cardano.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.NodeDouble;
import io.mithrilj.aggregator.cardano.NodeQueries;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException;
import io.mithrilj.aggregator.cardano.ouroboros.OuroborosException.HandshakeRefused.Reason;
import io.mithrilj.aggregator.chain.ChainObserverException;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pallas observer against the node double answering the spec's §2.4 vectors (upstream's mock values). */
class PallasChainObserverTest {

    static final long MAGIC = 42;
    static final String ERA = "820082028101";
    static final String EPOCH = "8200820082068101";
    static final String POINT = "8103";
    static final String BLOCK_NO = "8102";
    static final String GENESIS = "820082008206810b";
    static final String STAKES = "820082008206821480";
    static final String UTXO = "8200820082068206" + "81581d60cef7fb5f89a9c76a65acdd746d9e84104d6f824d7dc44f427fcaa1dd";
    static final String ADDRESS = "addr_test1vr80076l3x5uw6n94nwhgmv7ssgy6muzf47ugn6z0l92rhg2mgtu0";

    static final String STAKE_RESULT =
            "82048184a4581c00000036d515e12e18cd3c88c74f09a67984c2c279a5296aa96efe89831b00000045d964b8011b00000045"
                    + "d964b8021b00000045d964b800581c000000f66e28b0f18aef20555f4c4954234e3270dfbbdcc13f54e799831b0000008bb2"
                    + "c970011b0000008bb2c970021b0000008bb2c97000581c00000110093effbf3ce788aebd3e7506b80322bd3995ad432e61fa"
                    + "d5831b000001176592e0011b000001176592e0021b000001176592e000581c00000ffff93effbf3ce788aebd3e7506b80322"
                    + "bd3995ad432e61fad583001b0000012eae09c802001b000001e8f1c108031b000001e8f1c108061b000001e8f1c10800";

    /** Upstream's pallas observer test datum: constr 0 with three byte strings carrying a markers payload. */
    static final String DATUM =
            "D8799F58407B226D61726B657273223A5B7B226E616D65223A227468616C6573222C2265706F6368223A307D5D2C227369676E6174757265223A22383566323265626261645840333335376338656132646630363230393766396131383064643335643966336261316432363832633732633864313232383866616438636238643063656565625838366134643665383465653865353631376164323037313836366363313930373466326137366538373864663166393733346438343061227DFF";

    @TempDir
    Path dir;

    NodeDouble node;

    @BeforeEach
    void startNode() {
        node = recordedNode(NodeDouble.start(dir, MAGIC));
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    static NodeDouble recordedNode(NodeDouble node) {
        return node.answer(ERA, "820406")
                .answer(EPOCH, "82048108")
                .answer(POINT, "8204821a032674ad43010203")
                .answer(BLOCK_NO, "820482011a032674ad")
                .answer(GENESIS, genesisResult(129600))
                .answer(STAKES, STAKE_RESULT)
                .answer(UTXO, utxoResult());
    }

    /** Upstream's mock genesis with {@code slotsPerKesPeriod}. */
    static String genesisResult(long slotsPerKesPeriod) {
        return NodeQueries.genesisResult(slotsPerKesPeriod);
    }

    /** One UTxO with an inline datum, one with a datum hash and one legacy output: only the first counts. */
    static String utxoResult() {
        HexFormat hex = HexFormat.of();
        byte[] txId = hex.parseHex("1e4e5cf2889d52f1745b941090f04a65dea6ce56c5e5e66e69f65c8e36347c17");
        byte[] address = hex.parseHex("60cef7fb5f89a9c76a65acdd746d9e84104d6f824d7dc44f427fcaa1dd");
        CborWriter w = new CborWriter().array(2).unsigned(4).array(1).map(3);
        w.array(2).bytes(txId).unsigned(2);
        w.map(3).unsigned(0).bytes(address).unsigned(1).unsigned(2).unsigned(2);
        w.array(2).unsigned(1).tag(24).bytes(hex.parseHex(DATUM));
        w.array(2).bytes(txId).unsigned(3);
        w.map(3).unsigned(0).bytes(address).unsigned(1).unsigned(2).unsigned(2);
        w.array(2).unsigned(0).bytes(new byte[32]);
        w.array(2).bytes(txId).unsigned(4);
        w.array(2).bytes(address).unsigned(5);
        return hex.formatHex(w.toByteArray());
    }

    PallasChainObserver observer(long magic) {
        return new PallasChainObserver(node.socket(), new CardanoNetwork("private", magic), Duration.ofSeconds(5));
    }

    @Test
    void answersTheSpecsExpectedValues() {
        PallasChainObserver o = observer(MAGIC);
        assertThat(o.currentEra()).contains("Conway");
        assertThat(o.currentEpoch()).contains(new Epoch(8));
        assertThat(o.currentChainPoint()).contains(new ChainPoint(52851885, 52851885, "010203"));
        assertThat(o.currentKesPeriod()).contains(407L);
        assertThat(o.currentStakeDistribution())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "pool1qqqqqdk4zhsjuxxd8jyvwncf5eucfskz0xjjj64fdmlgj735lr9", 300000000001L,
                        "pool1qqqqpanw9zc0rzh0yp247nzf2s35uvnsm7aaesfl2nnejaev0uc", 600000000001L,
                        "pool1qqqqzyqf8mlm70883zht60n4q6uqxg4a8x266sewv8ad2grkztl", 1200000000001L))
                .hasSize(3);
        assertThat(o.currentDatums(ADDRESS))
                .containsExactly(
                        "{\"constructor\":0,\"fields\":[{\"bytes\":\"7b226d61726b657273223a5b7b226e616d65223a227468616c6573222c2265706f6368223a307d5d2c227369676e6174757265223a2238356632326562626164\"},{\"bytes\":\"33333537633865613264663036323039376639613138306464333564396633626131643236383263373263386431323238386661643863623864306365656562\"},{\"bytes\":\"366134643665383465653865353631376164323037313836366363313930373466326137366538373864663166393733346438343061227d\"}]}");
    }

    @Test
    void oneConnectionPerCallWithUpstreamsMessageSequence() {
        observer(MAGIC).currentEpoch();
        assertThat(node.awaitReceived(7))
                .containsExactly(
                        "0:8200a719800a182a19800b182a19800c182a19800d182a19800e182a19800f82182af419801082182af4",
                        "7:8108",
                        "7:8203" + ERA,
                        "7:8203" + EPOCH,
                        "7:8105",
                        "7:8107",
                        "5:8107");
        observer(MAGIC).currentEra();
        assertThat(node.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void kesPeriodVectorsAndAZeroPeriod() {
        node.answer(POINT, "8204821a0330b940" + "43010203"); // slot 53524800
        assertThat(observer(MAGIC).currentKesPeriod()).contains(413L);
        node.answer(GENESIS, genesisResult(0));
        assertThatThrownBy(() -> observer(MAGIC).currentKesPeriod())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("slotsPerKESPeriod is 0");
    }

    @Test
    void aWrongMagicIsRefusedByTheNode() {
        assertThatThrownBy(() -> observer(1).currentEpoch())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageStartingWith("cannot reach the Cardano node at " + node.socket() + ": ")
                .hasMessageContaining("network magic 1")
                .cause()
                .isInstanceOfSatisfying(
                        OuroborosException.HandshakeRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED));
    }

    @Test
    void aMissingSocketIsOneLine() {
        PallasChainObserver o = new PallasChainObserver(
                dir.resolve("absent.socket"), CardanoNetwork.of("devnet", OptionalLong.empty()), Duration.ofSeconds(1));
        assertThatThrownBy(o::currentEpoch)
                .isInstanceOf(ChainObserverException.class)
                .hasMessage("cannot reach the Cardano node at " + dir.resolve("absent.socket") + ": no socket file at "
                        + dir.resolve("absent.socket"))
                .hasCauseInstanceOf(OuroborosException.SocketMissing.class);
    }

    @Test
    void aConnectionDroppedMidQueryIsConnectionLost() {
        node.dropConnectionOn(STAKES);
        assertThatThrownBy(() -> observer(MAGIC).currentStakeDistribution())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageStartingWith("cannot reach the Cardano node at ")
                .hasCauseInstanceOf(OuroborosException.ConnectionLost.class);
    }

    @Test
    void recoversWhenTheNodeRestarts() {
        PallasChainObserver o = observer(MAGIC);
        assertThat(o.currentEpoch()).contains(new Epoch(8));
        node.close();
        assertThatThrownBy(o::currentEpoch).isInstanceOf(ChainObserverException.class);
        node = recordedNode(NodeDouble.start(dir, MAGIC)).answer(EPOCH, "82048109");
        assertThat(o.currentEpoch()).contains(new Epoch(9));
    }

    @Test
    void anEraMismatchOrAnUnknownShapeIsAnUnusableAnswer() {
        node.answer(EPOCH, "8204820102");
        assertThatThrownBy(() -> observer(MAGIC).currentEpoch())
                .isInstanceOf(ChainObserverException.class)
                .hasMessageContaining("gave an unusable answer")
                .hasMessageContaining("another era");
        node.answer(ERA, "820409");
        assertThatThrownBy(() -> observer(MAGIC).currentEra()).hasMessageContaining("unknown era index 9");
    }

    @Test
    void datumJsonCoversEveryPlutusShape() {
        // 122([{1: -2}, [h'ab', 18446744073709551616]]) and the general form 102([200, []])
        byte[] data = new CborWriter()
                .tag(122)
                .array(2)
                .map(1)
                .unsigned(1)
                .integer(-2)
                .array(2)
                .bytes(new byte[] {(byte) 0xab})
                .integer(java.math.BigInteger.TWO.pow(64))
                .toByteArray();
        assertThat(PlutusDataJson.render(data))
                .isEqualTo("{\"constructor\":1,\"fields\":[{\"map\":[{\"k\":{\"int\":1},\"v\":{\"int\":-2}}]},"
                        + "{\"list\":[{\"bytes\":\"ab\"},{\"int\":18446744073709551616}]}]}");
        assertThat(PlutusDataJson.render(new CborWriter()
                        .tag(102)
                        .array(2)
                        .unsigned(200)
                        .array(0)
                        .toByteArray()))
                .isEqualTo("{\"constructor\":200,\"fields\":[]}");
        assertThat(PlutusDataJson.render(new CborWriter().tag(1280).array(0).toByteArray()))
                .isEqualTo("{\"constructor\":7,\"fields\":[]}");
        assertThat(List.of()).isEmpty();
    }
}
