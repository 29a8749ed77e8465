package io.mithrilj.aggregator.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.protocol.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old archives go, the per-trio archives and the newest artifacts' files stay, whatever their epoch. */
class ArchivePrunerTest {

    @TempDir
    Path snapshots;

    @Test
    void removesTheArchivesOfOldBeaconsOnly() throws Exception {
        String digest = "05cb51dfbfe4ef593a005a68df8acab22f1f045131941a018bf87a76353d0bc7";
        Path full = Files.createDirectories(snapshots.resolve("cardano-immutable-files-full"));
        Path ancillary = Files.createDirectories(snapshots.resolve("cardano-database/ancillary"));
        Path digests = Files.createDirectories(snapshots.resolve("cardano-database/digests"));
        Path immutable = Files.createDirectories(snapshots.resolve("cardano-database/immutable"));
        Path oldFull = Files.writeString(full.resolve("devnet-e5-i2.aa.tar.zst"), "x");
        Path oldFullAncillary = Files.writeString(full.resolve("devnet-e5-i2.aa.ancillary.tar.zst"), "x");
        Path newestFull = Files.writeString(full.resolve("devnet-e13-i2." + digest + ".tar.zst"), "x");
        Path recentFull = Files.writeString(full.resolve("devnet-e20-i9.bb.tar.zst"), "x");
        Path oldAncillary = Files.writeString(ancillary.resolve("devnet-e5-i2.ancillary.tar.zst"), "x");
        Path oldDigests = Files.writeString(digests.resolve("devnet-e19-i8.digests.tar.zst"), "x");
        Path trio = Files.writeString(immutable.resolve("00001.tar.zst"), "x");
        Path unrelated = Files.writeString(full.resolve("notes.txt"), "x");

        // the newest legacy snapshot of upstream's fixture links to the e13 archives
        String newest = Fixtures.json("snapshots.json").properties().stream()
                .filter(e -> e.getKey().equals(digest))
                .findFirst()
                .orElseThrow()
                .getValue()
                .toString();
        Set<String> kept = ArchivePruner.linkedFileNames(newest);
        assertThat(kept).contains(newestFull.getFileName().toString());

        int removed = ArchivePruner.prune(snapshots, 20, kept);

        assertThat(removed).isEqualTo(4);
        assertThat(oldFull).doesNotExist();
        assertThat(oldFullAncillary).doesNotExist();
        assertThat(oldAncillary).doesNotExist();
        assertThat(oldDigests).doesNotExist();
        assertThat(newestFull).exists();
        assertThat(recentFull).exists();
        assertThat(trio).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void aMissingDirectoryIsNothingToRemove() {
        assertThat(ArchivePruner.prune(snapshots.resolve("absent"), 100, Set.of()))
                .isZero();
    }
}
