package io.mithrilj.aggregator.artifact.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveSettingsTest {

    @Test
    void defaultsAreUpstreams() {
        assertThat(ArchiveSettings.defaults()).isEqualTo(new ArchiveSettings(CompressionAlgorithm.ZSTANDARD, 9, 4));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 22})
    void levelsOneToTwentyTwoAreAccepted(int level) {
        assertThat(ArchiveSettings.zstandard(level, 0).zstdLevel()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 23, 100})
    void levelOutsideOneToTwentyTwoIsRefusedNamingTheSetting(int level) {
        assertThatThrownBy(() -> ArchiveSettings.zstandard(level, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZSTANDARD_PARAMETERS__LEVEL")
                .hasMessageContaining("got " + level);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 201})
    void workersOutOfRangeAreRefusedNamingTheSetting(int workers) {
        assertThatThrownBy(() -> ArchiveSettings.zstandard(9, workers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ZSTANDARD_PARAMETERS__NUMBER_OF_WORKERS")
                .hasMessageContaining("got " + workers);
    }

    @Test
    void algorithmsAreReadByTheirConfigurationNames() {
        assertThat(CompressionAlgorithm.fromConfigName("gzip")).isEqualTo(CompressionAlgorithm.GZIP);
        assertThat(CompressionAlgorithm.fromConfigName("zstandard")).isEqualTo(CompressionAlgorithm.ZSTANDARD);
        assertThat(CompressionAlgorithm.ZSTANDARD.tarFileExtension()).isEqualTo("tar.zst");
        assertThat(CompressionAlgorithm.GZIP.tarFileExtension()).isEqualTo("tar.gz");
        assertThatThrownBy(() -> CompressionAlgorithm.fromConfigName("zstd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown compression algorithm 'zstd': expected one of gzip, zstandard");
    }
}
