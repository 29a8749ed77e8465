package io.mithrilj.aggregator.cardano;

import io.mithrilj.aggregator.cardano.cbor.CborReader;
import io.mithrilj.aggregator.cardano.cbor.CborSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Upstream's real blocks for the benchmarks: one per era plus the 400 Conway blocks of the immutable fixture. */
final class NodeFixtures {

    private NodeFixtures() {}

    static Path dir() {
        // the copy under the test resources, relative to the project directory exec:exec runs in
        return Path.of(System.getProperty(
                "mithril.cardano.test.data", "src/test/resources/upstream/mithril-2603.1/cardano-test-data"));
    }

    static List<byte[]> blocks() throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        for (String era : List.of("byron2", "shelley1", "allegra1", "mary1", "alonzo1", "conway1"))
            blocks.add(HexFormat.of()
                    .parseHex(Files.readString(dir().resolve("blocks/" + era + ".block")).replaceAll("\\s", "")));
        for (int chunk = 0; chunk <= 3; chunk++) {
            byte[] bytes = Files.readAllBytes(dir().resolve(String.format("immutable/%05d.chunk", chunk)));
            CborReader r = new CborReader(bytes);
            while (!r.atEnd()) {
                CborSpan s = r.readRaw();
                blocks.add(s.bytes());
            }
        }
        return blocks;
    }
}
