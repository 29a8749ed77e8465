package io.mithrilj.aggregator.cardano.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The §4.2 vectors of the spec (one block per era) and the §5.5 transactions of the immutable fixture. */
class BlockDecoderTest {

    static byte[] block(String name) throws IOException {
        return HexFormat.of()
                .parseHex(Files.readString(UpstreamReference.cardanoTestData("blocks/" + name))
                        .replaceAll("\\s", ""));
    }

    @ParameterizedTest
    @CsvSource({
        "byron2.block, 3239842, 3241381, 5a4f135aac8083df35161afca982d2cbd6c752421ae292ad09735b982d86ce40, 2, a06e5a0150e09f8983be2deafab9e04afc60d92e7110999eb672c903343f1e26",
        "shelley1.block, 4662237, 7948610, 7dce9cfd6d44c5eb58eb5200532b3fa04086ee26cbdd712a4dd04f1b1ef90ca5, 4, 48347a50990c63680b9c4af9808bbca2e2e9782fe7f8b2f811ac6c51952863bc",
        "allegra1.block, 5192804, 18748707, f23a7dc9c587fc056a25ff88c8a4d0f8a3f86a799b931672ccbc02edbcc63c98, 3, f811d6905239d0834d6f5b9322ad6e8abe38c420518e40ebc3549cbd4929472f",
        "mary1.block, 5616812, 27388606, 5ccb2a9061bea6b20353489dfd21ea47787e368c88d00ed381b34759ec8d0eb4, 14, 39949ce990b150f7f1e5903114080ab6f8cca777c07ac76fcb32c2d9353fbf56",
        "alonzo1.block, 3098772, 43381130, 18362a803c351d5950fa929d87d17c4c34c624d3558f3f96d927221ed6436d23, 5, 8ae0cd531635579a9b52b954a840782d12235251fb1451e5c699e864c677514a",
        "conway1.block, 1093546, 22075282, 9b51ccd4f161c08382a445684ff3eb788923608acbea283081fa5ccf663fef8d, 1, ed8431dbe32cff36814ee838a7a002152d43a7465faaf05529907717c793527a"
    })
    void decodesOneBlockOfEveryEra(String file, long number, long slot, String hash, int txCount, String firstTx)
            throws IOException {
        ScannedBlock b = new BlockDecoder().decode(block(file));
        assertThat(b.blockNumber()).isEqualTo(number);
        assertThat(b.slotNumber()).isEqualTo(slot);
        assertThat(b.blockHash()).isEqualTo(hash);
        assertThat(b.transactionHashes()).hasSize(txCount);
        assertThat(b.transactionHashes().getFirst()).isEqualTo(firstTx);
    }

    @Test
    void byronSecondTransactionAndAllAlonzoTransactions() throws IOException {
        assertThat(new BlockDecoder()
                        .decode(block("byron2.block"))
                        .transactionHashes()
                        .get(1))
                .isEqualTo("f736d55633782151cd528f9918c3587155cbd59c46b6ca839e5b4860a780f379");
        List<String> alonzo = new BlockDecoder().decode(block("alonzo1.block")).transactionHashes();
        assertThat(alonzo)
                .satisfiesExactly(
                        t -> assertThat(t).startsWith("8ae0cd53").endsWith("514a"),
                        t -> assertThat(t).startsWith("bb5bb4e1").endsWith("91d4"),
                        t -> assertThat(t).startsWith("8cdd8804").endsWith("664a"),
                        t -> assertThat(t).startsWith("10add6bd").endsWith("17fa"),
                        t -> assertThat(t).startsWith("8838f5ab").endsWith("d474"));
    }

    @Test
    void immutableFixtureChunksGiveUpstreamsTransactions() throws IOException {
        List<String> seen = new ArrayList<>();
        long expectedNumber = 0;
        BlockDecoder decoder = new BlockDecoder();
        for (int chunk = 0; chunk <= 3; chunk++) {
            byte[] bytes =
                    Files.readAllBytes(UpstreamReference.cardanoTestData(String.format("immutable/%05d.chunk", chunk)));
            CborReader r = new CborReader(bytes);
            while (!r.atEnd()) {
                CborSpan s = r.readRaw();
                ScannedBlock b = decoder.decode(bytes, s.start(), s.length());
                assertThat(b.blockNumber()).isEqualTo(expectedNumber++);
                assertThat(b.slotNumber()).isEqualTo(b.blockNumber());
                if (b.blockNumber() == 0)
                    assertThat(b.blockHash())
                            .isEqualTo("ada70f69caf5fc5802e013a12f6f82b3a037e6a4f12814211c73c96e6e79291c");
                for (String tx : b.transactionHashes()) seen.add(tx + " " + b.blockNumber() + " " + b.blockHash());
            }
        }
        assertThat(expectedNumber).isEqualTo(400);
        assertThat(seen)
                .containsExactly(
                        "73d548f03467d571ff0b35cfb5b1bfd72620b602b288daa875cd6d9a9ff1eef1 129 4d0131d3e31cd83ec5f616268e8feeab3550119a39d7cb5537fe42adf362ba46",
                        "b7d146f057c2221d37b91605f132b3fbfda5dc877d8811241dee7cbc86c444cd 159 740ea01cf6a514e835287d1a71e0d6dd205cb7f8ce15500226b980882d896ad2",
                        "960d71e09cca9b6fe8e765d12ed616ff931d95896a19b6106624f9b0baf5b44a 252 e8c03f8668d0a1cfb47d844ea8468cbc8f17eacf1cec6f793e7b6af4179c7a59",
                        "ce2872d64240a25d7d43fb57efacfd1d9bd20073e91e1539bd31ef3ebc16555e 255 c75a3d5dbfcebd36bcbcdb2701ede41862764e856f81e8f1aafc5a960fd2283a",
                        "49981bebbdcf8f350ddd5d4bc136d213c7e3f56cbc3491631409bf59d8d5e105 258 849d79f53bc6b36eb84e86b1992356b8202c7aae8e0b7683c4caf5b821a356fd",
                        "c5f71ee996ee1672c24e92016a8aff8836ccdfeecd1e69c4fa27a99113477426 314 7dd3e11564c05810c970c4254762aa92c842136a7f7d1dbc6f3f057e8d4d106b",
                        "bb16da8c78aaee07da51a872d1e22891b993e6cf7fb5ec675afab7148143f331 317 7dbd6ee5b5fff77b9b38cf43a6812d9560f58624fb9a5540811f56034de32296",
                        "b73b7f97962cfc3b1d638532ba5fe388ae4089f9c09613c72300460b14566836 319 1b44d4dadbef9e8d2c719180472342ff73e0a5083b394a6dc5e25e26cf508223",
                        "9769739a1c44187b2221c100c31178e33dd523e64940bb678c682f1e6cfb9521 376 0bb848ef46d6cbb58ba368d39babeb329cbf683a8cfce4583d4262bea08372b8",
                        "fa44ff05b1d7620916ece4ab7797d118d411355ff787c891b54ad13a62b313dd 379 1c463155a555170bf833d7562eb8db2d3b50a8804323caf8abe7e382d17c8be4",
                        "302368e64642f4ee1a8d67a9d0eecb71c02f10f19c0b302c7eb1df8e6386d76e 382 0eba02f283fd810a42f58f80ea44262d71c92ab84cb95bc69e0958651b7290d9");
    }

    @Test
    void corruptOrForeignBytesAreATypedError() throws IOException {
        byte[] conway = block("conway1.block");
        assertThatThrownBy(() -> new BlockDecoder().decode(Arrays.copyOf(conway, conway.length - 1)))
                .isInstanceOf(BlockDecodingException.class)
                .hasMessageContaining("could not be parsed");
        byte[] unknownEra = conway.clone();
        unknownEra[1] = 0x09;
        assertThatThrownBy(() -> new BlockDecoder().decode(unknownEra))
                .isInstanceOf(BlockDecodingException.class)
                .hasMessageContaining("unknown era tag 9");
        byte[] corruptChunk =
                Files.readAllBytes(UpstreamReference.cardanoTestData("parsing_error/immutable/04831.chunk"));
        assertThatThrownBy(() -> new BlockDecoder().decode(corruptChunk)).isInstanceOf(BlockDecodingException.class);
    }
}
