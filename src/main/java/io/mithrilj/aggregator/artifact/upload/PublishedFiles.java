package io.mithrilj.aggregator.artifact.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The files the aggregator's download routes may serve (upstream's {@code warp::fs::dir} routes behind
 * {@code allow_http_serve_directory}): only with the local uploader, and only a regular file directly in the
 * published directory of a part, named without path separators nor a leading dot (the uploader's temporary copies),
 * whose real path, symbolic links resolved, is still in that directory.
 */
public final class PublishedFiles {

    private final Path snapshotDirectory;
    private final boolean servingAllowed;

    public PublishedFiles(Path snapshotDirectory, boolean servingAllowed) {
        this.snapshotDirectory = snapshotDirectory;
        this.servingAllowed = servingAllowed;
    }

    /** True with the local uploader only (upstream {@code allow_http_serve_directory}); else the routes answer 403. */
    public boolean servingAllowed() {
        return servingAllowed;
    }

    /** The published file of a part with this name, if there is one that may be served. */
    public Optional<Path> find(UploadTarget target, String fileName) {
        if (!servingAllowed || !isPlainName(fileName)) return Optional.empty();
        try {
            Path directory = snapshotDirectory.resolve(target.localDirectory());
            Path candidate = directory.resolve(fileName);
            if (!Files.isRegularFile(candidate)) return Optional.empty();
            Path realDirectory = directory.toRealPath();
            Path realFile = candidate.toRealPath();
            if (!realFile.startsWith(realDirectory) || !realDirectory.equals(realFile.getParent())) {
                return Optional.empty();
            }
            return Optional.of(realFile);
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean isPlainName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.startsWith(".")) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f) return false;
        }
        return true;
    }

    /**
     * The content type upstream's {@code warp::fs::dir} sends (mime_guess on the last extension): {@code .gz}
     * application/gzip, {@code .json} application/json, anything else ({@code .zst} included)
     * application/octet-stream.
     */
    public static String contentType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) return "application/gzip";
        if (lower.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }
}
