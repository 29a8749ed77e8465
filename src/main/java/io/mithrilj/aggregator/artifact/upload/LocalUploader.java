package io.mithrilj.aggregator.artifact.upload;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The local uploader (upstream {@code LocalUploader}): copies a file into {@code <snapshot_dir>/<part directory>/}
 * where the aggregator's download routes serve it, and returns {@code <server_url><prefix><file name>}. The copy is
 * written under a hidden temporary name in the same directory and then moved atomically, so a failed copy (a full
 * disk) publishes nothing. The immutable archives are not copied: they are built in their published directory.
 */
public final class LocalUploader implements FileUploader {
    private static final Logger LOG = Logger.getLogger(LocalUploader.class);

    /** Prefix of the temporary copies; the download routes never serve a name starting with a dot. */
    static final String TEMPORARY_PREFIX = ".upload-";

    /** Copies the bytes of a file: the seam through which tests inject a failing write (a full disk). */
    @FunctionalInterface
    interface FileCopier {
        void copy(Path source, Path target) throws IOException;

        FileCopier FILES = (source, target) -> Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private final Path snapshotDirectory;
    private final String serverUrl;
    private final FileCopier copier;

    /**
     * @param serverUrl the sanitized server URL, ending with {@code /} (upstream {@code SanitizedUrlWithTrailingSlash})
     */
    public LocalUploader(Path snapshotDirectory, String serverUrl) {
        this(snapshotDirectory, serverUrl, FileCopier.FILES);
    }

    LocalUploader(Path snapshotDirectory, String serverUrl, FileCopier copier) {
        if (!serverUrl.endsWith("/")) throw new IllegalArgumentException("server URL must end with '/': " + serverUrl);
        this.snapshotDirectory = snapshotDirectory;
        this.serverUrl = serverUrl;
        this.copier = copier;
    }

    /** Where the files of a part are published. */
    public Path directory(UploadTarget target) {
        return snapshotDirectory.resolve(target.localDirectory());
    }

    /** The download URI of a published file of a part. */
    public String uri(UploadTarget target, String fileName) {
        return serverUrl + target.urlPrefix() + fileName;
    }

    @Override
    public String upload(Path file, UploadTarget target) throws UploadException {
        Path name = file.getFileName();
        if (name == null) throw UploadException.of("Cannot upload", file, target, "the path has no file name");
        String fileName = name.toString();
        if (!Files.isRegularFile(file)) throw UploadException.of("Cannot upload", file, target, "not a regular file");
        Path directory = directory(target);
        if (target.copiedLocally()) {
            copyAtomically(file, directory, fileName, target);
        } else {
            requireInside(file, directory, target);
        }
        String uri = uri(target, fileName);
        LOG.debugf("File 'uploaded' to local storage: %s (%s)", uri, directory.resolve(fileName));
        return uri;
    }

    private void copyAtomically(Path file, Path directory, String fileName, UploadTarget target)
            throws UploadException {
        Path temporary = directory.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + "-" + fileName);
        try {
            Files.createDirectories(directory);
            copier.copy(file, temporary);
            try {
                Files.move(temporary, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // same directory: only a file system without atomic renames gets here
                Files.move(temporary, directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw UploadException.of("File copy failure of", file, target, e);
        }
    }

    /** The immutable archives are served where they are: check that the file really is in that directory. */
    private static void requireInside(Path file, Path directory, UploadTarget target) throws UploadException {
        try {
            Path realDirectory = directory.toRealPath();
            Path realFile = file.toRealPath();
            if (!realDirectory.equals(realFile.getParent())) {
                throw UploadException.of(
                        "Cannot publish", file, target, "it is not in " + directory + " where its part is served");
            }
        } catch (IOException e) {
            throw UploadException.of("Cannot publish", file, target, e);
        }
    }
}
