package io.mithrilj.aggregator.artifact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mithrilj.aggregator.artifact.archive.FileArchiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that is really full: the snapshot directory is a 64 KiB tmpfs, too small for the archives of upstream's fixture
 * trios (some 92 KB each, a third of it compressed). The kernel's ENOSPC, not an injected failure, must come out as one
 * clear error with nothing published and nothing left on that disk; once there is room, the same call succeeds (the
 * worker's retry). Mounting needs root (as CI runs); elsewhere the test is skipped, saying why. The injected variants of
 * the same failures, for every step, are in {@link CardanoDbSnapshotterTest}.
 */
class RealFullDiskTest {
    @TempDir
    Path temp;

    Path db;
    Path disk;
    boolean mounted;

    @BeforeEach
    void databaseAndSmallDisk() throws Exception {
        db = temp.resolve("db");
        CardanoDbSnapshotterTest.copyFixtureDatabase(db);
        Files.writeString(db.resolve("ledger/300"), "latest ledger state");
        disk = Files.createDirectories(temp.resolve("disk"));
        String failure = run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", disk.toString());
        assumeTrue(failure == null, () -> "a tmpfs can not be mounted here (root needed): " + failure);
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            String failure = run("umount", disk.toString());
            assertThat(failure).as("umount %s", disk).isNull();
        }
    }

    private CardanoDbSnapshotter snapshotter() {
        return new CardanoDbSnapshotter(
                new FileArchiver(CardanoDbSnapshotterTest.FAST_ZSTD, disk.resolve("verification")),
                db,
                disk.resolve("snapshots"),
                CardanoDbSnapshotterTest.SIGNER,
                disk.resolve("work"));
    }

    @Test
    void theLegacySnapshotOnAFullDiskFailsNamingItAndLeavesNoFileThenSucceedsWithRoom() throws Exception {
        Path target = disk.resolve("pending");

        assertThatThrownBy(() -> snapshotter().legacySnapshotArchives("devnet-e13-i2", 2, target))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("devnet-e13-i2.tar.zst")
                .hasMessageContaining("No space left on device")
                .hasMessageNotContaining("\n");
        assertThat(regularFiles(disk)).isEmpty();
        assertThat(db.resolve("immutable/00003.chunk")).exists(); // the source is never touched

        growDisk();
        LegacySnapshotArchives archives = snapshotter().legacySnapshotArchives("devnet-e13-i2", 2, target);
        assertThat(regularFiles(disk))
                .containsExactlyInAnyOrder(
                        archives.immutables().path(), archives.ancillary().path());
        assertThat(archives.immutables().archiveSize())
                .isEqualTo(Files.size(archives.immutables().path()));
    }

    @Test
    void perTrioArchivesOnAFullDiskFailNamingTheTrioAndTheOnesBuiltAreRemovedThenSucceedWithRoom() throws Exception {
        assertThatThrownBy(() -> snapshotter().immutableArchives(3))
                .isInstanceOf(SnapshotException.class)
                .hasMessageStartingWith("immutable trio 0000")
                .hasMessageContaining("No space left on device")
                .hasMessageNotContaining("\n");
        assertThat(regularFiles(disk)).isEmpty();

        growDisk();
        ImmutableArchives archives = snapshotter().immutableArchives(3);
        assertThat(archives.archives()).hasSize(4);
        assertThat(regularFiles(disk)).containsExactlyInAnyOrderElementsOf(archives.archives());
    }

    /** What an operator does about a full disk: makes room (here, the same tmpfs made larger). */
    private void growDisk() throws Exception {
        String failure = run("mount", "-o", "remount,size=8m", disk.toString());
        assertThat(failure).as("remount %s", disk).isNull();
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** Runs a command; null when it succeeded, else its exit code and output. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not end in 30 s";
        }
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    }
}
