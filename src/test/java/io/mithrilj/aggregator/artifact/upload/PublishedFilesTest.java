package io.mithrilj.aggregator.artifact.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedFilesTest {
    @TempDir
    Path snapshots;

    @TempDir
    Path outside;

    Path ancillary;

    @BeforeEach
    void publish() throws Exception {
        ancillary = Files.createDirectories(snapshots.resolve("cardano-database/ancillary"));
        Files.writeString(ancillary.resolve("ancillary.tar.zst"), "ok");
        Files.writeString(snapshots.resolve("cardano-database/secret.txt"), "not published");
        Files.writeString(outside.resolve("passwd"), "outside");
    }

    @Test
    void findsAPublishedFile() throws Exception {
        PublishedFiles files = new PublishedFiles(snapshots, true);
        assertThat(files.find(UploadTarget.CDB_ANCILLARY, "ancillary.tar.zst"))
                .contains(ancillary.resolve("ancillary.tar.zst").toRealPath());
    }

    @Test
    void nothingIsServedWithoutTheLocalUploader() {
        PublishedFiles files = new PublishedFiles(snapshots, false);
        assertThat(files.servingAllowed()).isFalse();
        assertThat(files.find(UploadTarget.CDB_ANCILLARY, "ancillary.tar.zst")).isEmpty();
    }

    @Test
    void onlyPlainNamesOfRegularFilesInTheDirectory() throws Exception {
        PublishedFiles files = new PublishedFiles(snapshots, true);
        Files.createDirectories(ancillary.resolve("sub"));
        Files.writeString(ancillary.resolve(".upload-123-ancillary.tar.zst"), "half");
        Files.createSymbolicLink(ancillary.resolve("escape"), outside.resolve("passwd"));
        Files.createSymbolicLink(ancillary.resolve("up"), snapshots.resolve("cardano-database/secret.txt"));
        Files.createSymbolicLink(ancillary.resolve("dir-link"), outside);
        for (String name : new String[] {
            "..",
            ".",
            "",
            "../secret.txt",
            "..\\secret.txt",
            "sub",
            "sub/../ancillary.tar.zst",
            outside.resolve("passwd").toString(),
            ".upload-123-ancillary.tar.zst",
            "escape",
            "up",
            "dir-link",
            "missing.tar.zst",
            "ancillary.tar.zst\0.txt"
        }) {
            assertThat(files.find(UploadTarget.CDB_ANCILLARY, name)).as(name).isEmpty();
        }
        assertThat(files.find(UploadTarget.CDB_ANCILLARY, null)).isEmpty();
    }

    @Test
    void aLinkInsideTheDirectoryToAFileOfTheDirectoryIsServed() throws Exception {
        Files.createSymbolicLink(ancillary.resolve("latest.tar.zst"), ancillary.resolve("ancillary.tar.zst"));
        assertThat(new PublishedFiles(snapshots, true).find(UploadTarget.CDB_ANCILLARY, "latest.tar.zst"))
                .contains(ancillary.resolve("ancillary.tar.zst").toRealPath());
    }

    @Test
    void contentTypesAreWarpsGuesses() {
        assertThat(PublishedFiles.contentType("a.tar.zst")).isEqualTo("application/octet-stream");
        assertThat(PublishedFiles.contentType("a.tar.gz")).isEqualTo("application/gzip");
        assertThat(PublishedFiles.contentType("devnet-digests.json")).isEqualTo("application/json");
    }
}
