package io.mithrilj.aggregator.cardano.immutable;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester.FileDigest;
import io.mithrilj.aggregator.cardano.immutable.ImmutableDigester.ImmutableDigests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Streaming on a pool gives what hashing each whole file in one call gives, in immutable file order, whatever
 * the number of threads, the number of trios and the file sizes around the read buffer's size.
 */
class ImmutableDigesterPropertiesTest {

    private static final int[] SIZE_CHOICES = {
        0, 1, ImmutableDigester.BUFFER_SIZE - 1, ImmutableDigester.BUFFER_SIZE, ImmutableDigester.BUFFER_SIZE + 1, 4096
    };

    @Property(tries = 25)
    void streamedParallelDigestsEqualWholeFileDigestsInOrder(
            @ForAll @IntRange(min = 1, max = 40) int trios,
            @ForAll @IntRange(min = 1, max = 5) int parallelism,
            @ForAll long seed)
            throws IOException {
        Path db = Files.createTempDirectory("digester-property");
        try {
            Path immutable = Files.createDirectories(db.resolve("immutable"));
            Random random = new Random(seed);
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < trios; n++) {
                for (String ext : List.of("chunk", "primary", "secondary")) {
                    byte[] content = new byte[SIZE_CHOICES[random.nextInt(SIZE_CHOICES.length)]];
                    random.nextBytes(content);
                    Files.write(immutable.resolve(String.format("%05d.%s", n, ext)), content);
                    expected.add(HexFormat.of().formatHex(sha256().digest(content)));
                }
            }
            long upTo = random.nextInt(trios);
            try (ImmutableDigester digester =
                    new ImmutableDigester(null, parallelism, ImmutableDigester.FileOpener.FILE_CHANNEL)) {
                ImmutableDigests digests = digester.computeDigests(db, upTo);
                assertThat(digests.digests()).isEqualTo(expected.subList(0, 3 * ((int) upTo + 1)));
                assertThat(digests.entries()).extracting(FileDigest::file).isSorted();
            }
        } finally {
            try (Stream<Path> walk = Files.walk(db)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
