package io.mithrilj.aggregator.cardano.era;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cli.MithrilAggregatorMain;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EraMarkersPayloadTest {

    /** upstream internal/mithril-era/src/adapters/cardano_chain.rs, GOLDEN_ERA_MARKERS_PAYLOAD_WITH_SIGNATURE */
    static final String GOLDEN =
            "7b226d61726b657273223a5b7b226e616d65223a227468616c6573222c2265706f6368223a317d2c7b226e616d"
                    + "65223a227079746861676f726173222c2265706f6368223a327d5d2c227369676e6174757265223a22633539373"
                    + "9653333663163336234376361306162353239386536353562316264653235656564303866356232653536663361"
                    + "6439623964373638316164663138653164656562623731616135616132636234363564643831323239633637656"
                    + "33030326463396632663563363664663931333164366561633039666565373065227d";

    @TempDir
    Path dir;

    @Test
    void upstreamsGoldenPayloadDecodesVerifiesAndIsRewrittenByteForByte() {
        Ed25519SigningKey testKey = Ed25519SigningKey.deterministicTestKey();
        EraMarkersPayload payload = EraMarkersPayload.fromJsonHex(GOLDEN);
        assertThat(payload.markers())
                .containsExactly(
                        new EraMarker("thales", OptionalLong.of(1)), new EraMarker("pythagoras", OptionalLong.of(2)));
        payload.verify(testKey.verificationKey());
        assertThat(payload.toJsonHex()).isEqualTo(GOLDEN);
        assertThat(new EraMarkersPayload(payload.markers(), Optional.empty())
                        .sign(testKey)
                        .toJsonHex())
                .isEqualTo(GOLDEN);
        EraMarkersPayload tampered = new EraMarkersPayload(
                List.of(new EraMarker("thales", OptionalLong.of(1)), new EraMarker("pythagoras", OptionalLong.of(3))),
                payload.signature());
        assertThatThrownBy(() -> tampered.verify(testKey.verificationKey()))
                .hasMessageContaining("could not verify signature");
    }

    @Test
    void epochsMustIncrease() {
        assertThatThrownBy(() -> EraMarkersPayload.forEras(3, OptionalLong.of(2)))
                .hasMessage("next era epoch must be strictly greater than the current era epoch");
    }

    @Test
    void generateKeypairThenTxDatumGivesADatumTheEraReaderAccepts() throws Exception {
        assertThat(MithrilAggregatorMain.commandLine()
                        .execute("era", "generate-keypair", "--target-path", dir.toString()))
                .isZero();
        String sk = Files.readString(dir.resolve("era.sk"));
        Ed25519VerificationKey vk = Ed25519VerificationKey.decode(Files.readString(dir.resolve("era.vk")));
        assertThat(Files.getPosixFilePermissions(dir.resolve("era.sk")).toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        Path datum = dir.resolve("datum.json");
        assertThat(MithrilAggregatorMain.commandLine()
                        .execute(
                                "era",
                                "generate-tx-datum",
                                "--current-era-epoch",
                                "10",
                                "--next-era-epoch",
                                "12",
                                "--era-markers-secret-key",
                                sk,
                                "--target-path",
                                datum.toString()))
                .isZero();
        String json = Files.readString(datum);
        assertThat(json).startsWith("{\"constructor\":0,\"fields\":[{\"bytes\":\"");
        EraMarkersPayload read = EraMarkersPayload.fromJsonHex(TxDatum.bytesFields(json));
        read.verify(vk);
        assertThat(read.markers())
                .containsExactly(
                        new EraMarker("pythagoras", OptionalLong.of(10)),
                        new EraMarker("lagrange", OptionalLong.of(12)));
        assertThat(MithrilAggregatorMain.commandLine()
                        .execute(
                                "era",
                                "generate-tx-datum",
                                "--current-era-epoch",
                                "10",
                                "--era-markers-secret-key",
                                "nothex",
                                "--target-path",
                                datum.toString()))
                .isEqualTo(1);
    }

    @Test
    void datumFieldsAreChunkedLikeUpstream() {
        String text = "0123456789".repeat(15);
        assertThat(TxDatum.ofBytesField(text))
                .isEqualTo("{\"constructor\":0,\"fields\":[{\"bytes\":\"" + text.substring(0, 128) + "\"},{\"bytes\":\""
                        + text.substring(128) + "\"}]}");
        assertThat(TxDatum.bytesFields(TxDatum.ofBytesField(text))).isEqualTo(text);
    }
}
