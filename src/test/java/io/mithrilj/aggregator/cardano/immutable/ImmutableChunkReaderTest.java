package io.mithrilj.aggregator.cardano.immutable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.block.ScannedBlock;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImmutableChunkReaderTest {

    @Test
    void readsTheFixtureChunksThroughTheirIndex() {
        List<ScannedBlock> first =
                ImmutableChunkReader.readBlocks(UpstreamReference.cardanoTestData("immutable/00000.chunk"));
        assertThat(first).hasSize(100);
        assertThat(first.getFirst().blockHash())
                .isEqualTo("ada70f69caf5fc5802e013a12f6f82b3a037e6a4f12814211c73c96e6e79291c");
        List<ScannedBlock> second =
                ImmutableChunkReader.readBlocks(UpstreamReference.cardanoTestData("immutable/00001.chunk"));
        assertThat(second)
                .extracting(ScannedBlock::slotNumber)
                .startsWith(100L, 101L)
                .endsWith(199L);
        assertThat(second.stream().flatMap(b -> b.transactionHashes().stream()))
                .containsExactly(
                        "73d548f03467d571ff0b35cfb5b1bfd72620b602b288daa875cd6d9a9ff1eef1",
                        "b7d146f057c2221d37b91605f132b3fbfda5dc877d8811241dee7cbc86c444cd");
    }

    @Test
    void theParsingErrorFixturesAreTypedErrors() {
        assertThatThrownBy(() -> ImmutableChunkReader.readBlocks(
                        UpstreamReference.cardanoTestData("parsing_error/immutable/04831.chunk")))
                .isInstanceOf(ImmutableFileParseException.class)
                .hasMessageContaining("04831.chunk");
        assertThatThrownBy(() -> ImmutableChunkReader.readBlocks(
                        UpstreamReference.cardanoTestData("parsing_error/immutable/04832.chunk")))
                .isInstanceOf(ImmutableFileParseException.class)
                .hasMessageContaining("not a multiple of 56");
    }

    @Test
    void aFlippedByteFailsTheCrc(@TempDir Path dir) throws IOException {
        for (String ext : new String[] {"chunk", "secondary"})
            Files.copy(UpstreamReference.cardanoTestData("immutable/00002." + ext), dir.resolve("00002." + ext));
        byte[] chunk = Files.readAllBytes(dir.resolve("00002.chunk"));
        chunk[500] ^= 1;
        Files.write(dir.resolve("00002.chunk"), chunk);
        assertThatThrownBy(() -> ImmutableChunkReader.readBlocks(dir.resolve("00002.chunk")))
                .isInstanceOf(ImmutableFileParseException.class)
                .hasMessageContaining("CRC-32");
    }
}
