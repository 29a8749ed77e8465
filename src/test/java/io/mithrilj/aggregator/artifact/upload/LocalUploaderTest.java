package io.mithrilj.aggregator.artifact.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUploaderTest {
    private static final String SERVER = "http://localhost:8080/aggregator/";

    @TempDir
    Path snapshots;

    @TempDir
    Path work;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    @Test
    void copiesEachPartIntoItsDirectoryAndAnswersItsUrl() throws Exception {
        LocalUploader uploader = new LocalUploader(snapshots, SERVER);

        assertThat(uploader.upload(file("devnet-e1-i3.abc123.tar.zst", "full"), UploadTarget.IMMUTABLE_FILES_FULL))
                .isEqualTo(SERVER + "snapshot_download/devnet-e1-i3.abc123.tar.zst");
        assertThat(uploader.upload(file("ancillary.tar.zst", "anc"), UploadTarget.CDB_ANCILLARY))
                .isEqualTo(SERVER + "cardano-database-download/ancillary/ancillary.tar.zst");
        assertThat(uploader.upload(file("devnet-digests.json", "[]"), UploadTarget.CDB_DIGESTS))
                .isEqualTo(SERVER + "cardano-database-download/digests/devnet-digests.json");

        assertThat(snapshots.resolve("cardano-immutable-files-full/devnet-e1-i3.abc123.tar.zst"))
                .hasContent("full");
        assertThat(snapshots.resolve("cardano-database/ancillary/ancillary.tar.zst"))
                .hasContent("anc");
        assertThat(snapshots.resolve("cardano-database/digests/devnet-digests.json"))
                .hasContent("[]");
        assertThat(work.resolve("ancillary.tar.zst"))
                .as("the source is left to its owner")
                .exists();
        assertThat(filesUnder(snapshots)).hasSize(3);
    }

    @Test
    void aPublishedFileIsReplacedWhole() throws Exception {
        LocalUploader uploader = new LocalUploader(snapshots, SERVER);
        uploader.upload(file("ancillary.tar.zst", "first"), UploadTarget.CDB_ANCILLARY);
        uploader.upload(file("ancillary.tar.zst", "second"), UploadTarget.CDB_ANCILLARY);
        assertThat(snapshots.resolve("cardano-database/ancillary/ancillary.tar.zst"))
                .hasContent("second");
        assertThat(filesUnder(snapshots)).hasSize(1);
    }

    @Test
    void immutablesAreNotCopiedButMustBeInTheirServedDirectory() throws Exception {
        LocalUploader uploader = new LocalUploader(snapshots, SERVER);
        Path immutables = Files.createDirectories(snapshots.resolve("cardano-database/immutable"));
        List<Path> archives = List.of(
                Files.writeString(immutables.resolve("00000.tar.zst"), "0"),
                Files.writeString(immutables.resolve("00001.tar.zst"), "1"),
                Files.writeString(immutables.resolve("00002.tar.zst"), "2"));

        assertThat(uploader.upload(archives.get(1), UploadTarget.CDB_IMMUTABLE))
                .isEqualTo(SERVER + "cardano-database-download/immutable/00001.tar.zst");
        assertThat(uploader.uploadImmutables(archives))
                .isEqualTo(SERVER + "cardano-database-download/immutable/{immutable_file_number}.tar.zst");
        assertThat(filesUnder(snapshots)).hasSize(3);

        Path elsewhere = file("00003.tar.zst", "3");
        assertThatThrownBy(() -> uploader.upload(elsewhere, UploadTarget.CDB_IMMUTABLE))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining(elsewhere.toString())
                .hasMessageContaining("CDB_IMMUTABLE")
                .hasMessageContaining("it is not in " + immutables);
    }

    @Test
    void aFullDiskPublishesNothing() throws Exception {
        // the copy writes half of the file then fails as a full disk does
        LocalUploader.FileCopier fullDisk = (source, target) -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] bytes = Files.readAllBytes(source);
                out.write(bytes, 0, bytes.length / 2);
                throw new IOException("No space left on device");
            }
        };
        LocalUploader uploader = new LocalUploader(snapshots, SERVER, fullDisk);
        Path archive = file("devnet-e1-i3.abc123.tar.zst", "x".repeat(1000));

        assertThatThrownBy(() -> uploader.upload(archive, UploadTarget.IMMUTABLE_FILES_FULL))
                .isInstanceOf(UploadException.class)
                .hasMessage("File copy failure of " + archive + " (IMMUTABLE_FILES_FULL): No space left on device");

        assertThat(filesUnder(snapshots))
                .as("neither the file nor its temporary copy")
                .isEmpty();
    }

    @Test
    void aFailedCopyKeepsThePreviouslyPublishedFile() throws Exception {
        Path ancillary = file("ancillary.tar.zst", "published");
        new LocalUploader(snapshots, SERVER).upload(ancillary, UploadTarget.CDB_ANCILLARY);
        LocalUploader failing = new LocalUploader(snapshots, SERVER, (source, target) -> {
            Files.writeString(target, "half");
            throw new IOException("No space left on device");
        });
        Files.writeString(ancillary, "new content");

        assertThatThrownBy(() -> failing.upload(ancillary, UploadTarget.CDB_ANCILLARY))
                .isInstanceOf(UploadException.class);
        assertThat(snapshots.resolve("cardano-database/ancillary/ancillary.tar.zst"))
                .hasContent("published");
        assertThat(filesUnder(snapshots)).hasSize(1);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = work.resolve("nothing.tar.zst");
        assertThatThrownBy(() -> new LocalUploader(snapshots, SERVER).upload(missing, UploadTarget.CDB_DIGESTS))
                .isInstanceOf(UploadException.class)
                .hasMessage("Cannot upload " + missing + " (CDB_DIGESTS): not a regular file");
        assertThatThrownBy(() -> new LocalUploader(snapshots, "http://localhost/aggregator"))
                .hasMessageContaining("must end with '/'");
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
