package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DevnetNetworkTest {

    @Test
    void hiddenChunkSizeChangesOnlyTheChunkSizeOfTheDefaultLayout() {
        DevnetImmutableDb.Layout d = DevnetImmutableDb.Layout.DEFAULT;

        DevnetImmutableDb.Layout layout = DevnetNetwork.layoutWithChunkBytes(40 << 20);

        assertThat(layout)
                .isEqualTo(
                        new DevnetImmutableDb.Layout(40 << 20, d.ledgerBytes(), d.ledgerFormat(), d.maxCatchUpFiles()));
        assertThat(DevnetNetwork.layoutWithChunkBytes(d.chunkBytes())).isEqualTo(d);
    }

    @Test
    void anOutOfRangeChunkSizeNamesTheHiddenSetting() {
        assertThatThrownBy(() -> DevnetNetwork.layoutWithChunkBytes(65 << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mithril.devnet.chunk-bytes: devnet chunk size must be in 64..64 MiB bytes, got 68157440");
        assertThatThrownBy(() -> DevnetNetwork.layoutWithChunkBytes(0))
                .hasMessageStartingWith("mithril.devnet.chunk-bytes: ");
    }
}
