package io.mithrilj.aggregator.cardano.era;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.era.EraReaderAdapterBuilder.AdapterType;
import io.mithrilj.aggregator.cardano.era.EraReaderAdapterBuilder.EraReaderAdapterBuilderException;
import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The era reader's choice of current and next era (upstream era_reader.rs tests) and the adapter builder. */
class EraReaderTest {

    static EraMarker marker(String name, Long epoch) {
        return new EraMarker(name, epoch == null ? OptionalLong.empty() : OptionalLong.of(epoch));
    }

    static final List<EraMarker> SAMPLE =
            List.of(marker("one", 1L), marker("pythagoras", null), marker("pythagoras", 10L));

    static EraReader reader(List<EraMarker> markers) {
        return new EraReader(new EraReaderDummyAdapter(markers));
    }

    @Test
    void currentEraIsTheGreatestEpochNotAfterTheCurrentOne() {
        EraEpochToken at10 = reader(SAMPLE).readEraEpochToken(new Epoch(10));
        assertThat(at10.currentEra()).isEqualTo(marker("pythagoras", 10L));
        assertThat(at10.nextEra()).isEmpty();
        assertThat(at10.currentSupportedEra()).isEqualTo("pythagoras");
        assertThat(at10.nextSupportedEra()).isEmpty();

        EraEpochToken at9 = reader(SAMPLE).readEraEpochToken(new Epoch(9));
        assertThat(at9.currentEra()).isEqualTo(marker("one", 1L));
        assertThat(at9.nextEra()).contains(marker("pythagoras", 10L));
        assertThatThrownBy(at9::currentSupportedEra)
                .isInstanceOf(EraEpochToken.UnsupportedEraException.class)
                .hasMessage("Unsupported era 'one'.");
        assertThat(at9.nextSupportedEra()).contains("pythagoras");

        assertThat(reader(List.of(marker("pythagoras", 0L)))
                        .readEraEpochToken(new Epoch(9))
                        .currentEra())
                .isEqualTo(marker("pythagoras", 0L));
        // ties: the first marker wins
        assertThat(reader(List.of(marker("pythagoras", 2L), marker("lagrange", 2L)))
                        .readEraEpochToken(new Epoch(3))
                        .currentEra()
                        .name())
                .isEqualTo("pythagoras");
    }

    @Test
    void noCurrentEraOrAFailingAdapterIsAnError() {
        assertThatThrownBy(() -> reader(List.of(marker("one", null), marker("three", 100L)))
                        .readEraEpochToken(new Epoch(9)))
                .isInstanceOf(EraReader.EraReaderException.class)
                .hasMessage(
                        "Cannot determine the Era we are currently at epoch 9 using the adapter informations: "
                                + "[EraMarker { name: \"one\", epoch: None }, EraMarker { name: \"three\", epoch: Some(Epoch(100)) }]");
        assertThatThrownBy(() -> reader(List.of()).readEraEpochToken(new Epoch(9)))
                .isInstanceOf(EraReader.EraReaderException.class);
        EraReaderAdapter failing = () -> {
            throw new IllegalStateException("node down");
        };
        assertThatThrownBy(() -> new EraReader(failing).readEraEpochToken(new Epoch(1)))
                .hasMessage("Adapter Error message: «Reading from EraReader adapter raised an error: 'node down'.»");
    }

    @Test
    void builderMakesEachAdapterAndSaysWhatIsWrongWithTheParameters(@TempDir Path dir) throws IOException {
        assertThat(EraReaderAdapterBuilder.build(AdapterType.BOOTSTRAP, Optional.empty(), null)
                        .readMarkers())
                .containsExactly(marker("pythagoras", 0L));
        assertThat(EraReaderAdapterBuilder.build(
                                AdapterType.fromSetting("dummy"),
                                Optional.of(
                                        "{\"markers\":[{\"name\":\"thales\",\"epoch\":1},{\"name\":\"pythagoras\"}]}"),
                                null)
                        .readMarkers())
                .containsExactly(marker("thales", 1L), marker("pythagoras", null));
        Path file = dir.resolve("markers.json");
        Files.writeString(file, "[{\"name\":\"pythagoras\",\"epoch\":1},{\"name\":\"lagrange\",\"epoch\":null}]");
        assertThat(EraReaderAdapterBuilder.build(
                                AdapterType.FILE, Optional.of("{\"markers_file\":\"" + file + "\"}"), null)
                        .readMarkers())
                .containsExactly(marker("pythagoras", 1L), marker("lagrange", null));
        // upstream's golden cardano-chain parameters
        assertThat(EraReaderAdapterBuilder.build(
                        AdapterType.fromSetting("cardano-chain"),
                        Optional.of(
                                "{\"address\":\"addr_test1qrv5xfwh043mlc3vk5d97s4nmhxu7cmleyssvhx37gkfyejfe8d38v3vsfgetjafgrsdc49krug8wf04h5rmtengtejqlxrksk\","
                                        + "\"verification_key\":\"5b35352c3232382c3134342c38372c3133382c3133362c34382c382c31342c3138372c38352c3134382c39372c3233322c3235352c3232392c33382c3234342c3234372c3230342c3139382c31332c33312c3232322c32352c3136342c35322c3130322c39312c3132302c3230382c3134375d\"}"),
                        new StubChainObserver(List.of())))
                .isInstanceOf(EraReaderCardanoChainAdapter.class);

        assertThatThrownBy(() -> EraReaderAdapterBuilder.build(AdapterType.FILE, Optional.empty(), null))
                .isInstanceOf(EraReaderAdapterBuilderException.class)
                .hasMessage("era reader adapter parameters are missing");
        assertThatThrownBy(() -> EraReaderAdapterBuilder.build(AdapterType.DUMMY, Optional.of("{markers"), null))
                .hasMessageStartingWith("era reader adapter parameters parse error");
        assertThatThrownBy(() -> EraReaderAdapterBuilder.build(
                        AdapterType.CARDANO_CHAIN, Optional.of("{\"address\":\"a\"}"), null))
                .hasMessage("era reader adapter parameters parse error: missing field `verification_key`");
        assertThatThrownBy(() -> AdapterType.fromSetting("chain"))
                .hasMessageContaining("unknown era reader adapter type 'chain'");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> new EraReaderFileAdapter(file).readMarkers())
                .hasMessageContaining("cannot read the era markers file");
    }

    /** A chain observer that only knows datums. */
    record StubChainObserver(List<String> datums) implements ChainObserver {
        @Override
        public Optional<String> currentEra() {
            return Optional.empty();
        }

        @Override
        public Optional<Epoch> currentEpoch() {
            return Optional.empty();
        }

        @Override
        public Optional<ChainPoint> currentChainPoint() {
            return Optional.empty();
        }

        @Override
        public Map<String, Long> currentStakeDistribution() {
            return Map.of();
        }

        @Override
        public Optional<Long> currentKesPeriod() {
            return Optional.empty();
        }

        @Override
        public List<String> currentDatums(String address) {
            return datums;
        }
    }
}
