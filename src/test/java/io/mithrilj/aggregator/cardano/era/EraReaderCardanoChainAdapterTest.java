package io.mithrilj.aggregator.cardano.era;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.cardano.NodeDouble;
import io.mithrilj.aggregator.cardano.cbor.CborWriter;
import io.mithrilj.aggregator.cardano.observer.PallasChainObserver;
import io.mithrilj.aggregator.cardano.observer.PlutusDataJson;
import io.mithrilj.aggregator.cardano.ouroboros.CardanoNetwork;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cardano-chain adapter on the spec's §6.3 vectors: valid, unsigned, badly signed, not parsable, several. */
class EraReaderCardanoChainAdapterTest {

    static final String GOLDEN_PAYLOAD =
            "7b226d61726b657273223a5b7b226e616d65223a227468616c6573222c2265706f6368223a317d2c7b226e616d"
                    + "65223a227079746861676f726173222c2265706f6368223a327d5d2c227369676e6174757265223a22633539373"
                    + "9653333663163336234376361306162353239386536353562316264653235656564303866356232653536663361"
                    + "6439623964373638316164663138653164656562623731616135616132636234363564643831323239633637656"
                    + "33030326463396632663563363664663931333164366561633039666565373065227d";

    static final Ed25519SigningKey KEY = Ed25519SigningKey.deterministicTestKey();

    static EraMarker marker(String name, Long epoch) {
        return EraReaderTest.marker(name, epoch);
    }

    static String datum(EraMarkersPayload payload) {
        return TxDatum.ofBytesField(payload.toJsonHex());
    }

    static EraReaderCardanoChainAdapter adapter(List<String> datums, Ed25519VerificationKey key) {
        return new EraReaderCardanoChainAdapter("addr_test_123456", new EraReaderTest.StubChainObserver(datums), key);
    }

    @Test
    void theGoldenPayloadVerifiesWithTheDeterministicKey() {
        EraMarkersPayload golden = EraMarkersPayload.fromJsonHex(GOLDEN_PAYLOAD);
        assertThat(golden.markers()).containsExactly(marker("thales", 1L), marker("pythagoras", 2L));
        assertThat(KEY.verificationKey().toBytesHex())
                .isEqualTo("20fdbac9b10b7587bba7b5bc163bce69e796d71e4ed44c10fcb4488689f7a144");
        assertThat(adapter(List.of(TxDatum.ofBytesField(GOLDEN_PAYLOAD)), KEY.verificationKey())
                        .readMarkers())
                .containsExactly(marker("thales", 1L), marker("pythagoras", 2L));
    }

    @Test
    void upstreamsAdapterCaseUnsignedThenSignedThenGarbage() {
        EraMarkersPayload unsigned =
                new EraMarkersPayload(List.of(marker("thales", 1L), marker("pythagoras", null)), Optional.empty());
        EraMarkersPayload signed = new EraMarkersPayload(
                        List.of(marker("thales", 1L), marker("pythagoras", 2L)), Optional.empty())
                .sign(KEY);
        assertThat(adapter(List.of(datum(unsigned), datum(signed), "not_valid_datum"), KEY.verificationKey())
                        .readMarkers())
                .containsExactly(marker("thales", 1L), marker("pythagoras", 2L));
    }

    @Test
    void aBadSignatureIsSkippedAndTheFirstValidPayloadWins() {
        Ed25519SigningKey other = Ed25519SigningKey.fromSeed(new byte[32]);
        EraMarkersPayload forged = new EraMarkersPayload(List.of(marker("lagrange", 0L)), Optional.empty()).sign(other);
        EraMarkersPayload first = new EraMarkersPayload(List.of(marker("pythagoras", 5L)), Optional.empty()).sign(KEY);
        EraMarkersPayload second = new EraMarkersPayload(List.of(marker("lagrange", 9L)), Optional.empty()).sign(KEY);
        assertThat(adapter(List.of(datum(forged)), KEY.verificationKey()).readMarkers())
                .isEmpty();
        assertThat(adapter(List.of(datum(forged), datum(first), datum(second)), KEY.verificationKey())
                        .readMarkers())
                .containsExactly(marker("pythagoras", 5L));
        assertThat(adapter(List.of("{\"constructor\":0,\"fields\":[{\"bytes\":\"zz\"}]}"), KEY.verificationKey())
                        .readMarkers())
                .isEmpty();
    }

    @Test
    void thePallasObserverTestDatumCarriesAThalesPayload() {
        String json = PlutusDataJson.render(
                HexFormat.of()
                        .parseHex(
                                "D8799F58407B226D61726B657273223A5B7B226E616D65223A227468616C6573222C2265706F6368223A307D5D2C227369676E6174757265223A22383566323265626261645840333335376338656132646630363230393766396131383064643335643966336261316432363832633732633864313232383866616438636238643063656565625838366134643665383465653865353631376164323037313836366363313930373466326137366538373864663166393733346438343061227DFF"));
        EraMarkersPayload payload = EraMarkersPayload.fromJsonHex(TxDatum.bytesFields(json));
        assertThat(payload.markers()).containsExactly(marker("thales", 0L));
        assertThat(payload.signature()).isPresent();
    }

    /** Plutus data as upstream's era tooling puts it on chain: constr 0, an indefinite list of ≤ 64-byte strings. */
    static byte[] onChainDatum(EraMarkersPayload payload) {
        byte[] text = payload.toJson().getBytes(StandardCharsets.UTF_8);
        CborWriter w = new CborWriter().tag(121).indefiniteArray();
        for (int i = 0; i < text.length; i += 64) w.bytes(Arrays.copyOfRange(text, i, Math.min(text.length, i + 64)));
        return w.breakCode().toByteArray();
    }

    @Test
    void endToEndThroughTheNodeSocket(@TempDir Path dir) {
        EraMarkersPayload signed = new EraMarkersPayload(
                        List.of(marker("pythagoras", 1L), marker("lagrange", 20L)), Optional.empty())
                .sign(KEY);
        HexFormat hex = HexFormat.of();
        byte[] address = hex.parseHex("60cef7fb5f89a9c76a65acdd746d9e84104d6f824d7dc44f427fcaa1dd");
        CborWriter result = new CborWriter().array(2).unsigned(4).array(1).map(1);
        result.array(2).bytes(new byte[32]).unsigned(0);
        result.map(3).unsigned(0).bytes(address).unsigned(1).unsigned(2_000_000).unsigned(2);
        result.array(2).unsigned(1).tag(24).bytes(onChainDatum(signed));
        try (NodeDouble node = NodeDouble.start(dir, 2)
                .answer("820082028101", "820406")
                .answer("8200820082068206" + "81581d" + hex.formatHex(address), hex.formatHex(result.toByteArray()))) {
            var observer = new PallasChainObserver(
                    node.socket(), CardanoNetwork.of("preview", OptionalLong.empty()), Duration.ofSeconds(5));
            EraReader reader = new EraReader(EraReaderAdapterBuilder.build(
                    EraReaderAdapterBuilder.AdapterType.CARDANO_CHAIN,
                    Optional.of("{\"address\":\"addr_test1vr80076l3x5uw6n94nwhgmv7ssgy6muzf47ugn6z0l92rhg2mgtu0\","
                            + "\"verification_key\":\"" + KEY.verificationKey().toJsonHex() + "\"}"),
                    observer));
            EraEpochToken token = reader.readEraEpochToken(new io.mithrilj.aggregator.protocol.Epoch(5));
            assertThat(token.currentSupportedEra()).isEqualTo("pythagoras");
            assertThat(token.nextEra()).contains(marker("lagrange", 20L));
        }
    }
}
