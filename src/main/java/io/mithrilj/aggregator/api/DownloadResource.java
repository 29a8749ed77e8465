package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.artifact.ArtifactQueries;
import io.mithrilj.aggregator.artifact.upload.PublishedFiles;
import io.mithrilj.aggregator.artifact.upload.UploadTarget;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * The archives published by the local uploader (upstream's {@code serve_snapshots_dir} and
 * {@code serve_cardano_database_dir}), streamed from disk with upstream's {@code Content-Disposition}. 403 unless the
 * uploader is local; 404 for anything but a published file (see {@link PublishedFiles}); a legacy archive must also
 * carry the digest of a known CardanoImmutableFilesFull artifact. JAX-RS serves HEAD through these GET methods.
 */
@Path("/aggregator")
public class DownloadResource {

    private final PublishedFiles files;
    private final ArtifactQueries artifacts;

    DownloadResource(PublishedFiles files, ArtifactQueries artifacts) {
        this.files = files;
        this.artifacts = artifacts;
    }

    @GET
    @Path("/snapshot_download/{file}")
    public Uni<Response> snapshot(@PathParam("file") String file) {
        if (!files.servingAllowed()) return Uni.createFrom().item(forbidden());
        Optional<java.nio.file.Path> found = files.find(UploadTarget.IMMUTABLE_FILES_FULL, file);
        Optional<String> digest = found.flatMap(p -> digestOf(file));
        if (found.isEmpty() || digest.isEmpty()) return Uni.createFrom().item(notFound());
        return artifacts
                .byId(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL, digest.get())
                .map(artifact -> artifact.isPresent() ? send(found.get(), file) : notFound());
    }

    @GET
    @Path("/cardano-database-download/{part}/{file}")
    public Response cardanoDatabase(@PathParam("part") String part, @PathParam("file") String file) {
        if (!files.servingAllowed()) return forbidden();
        UploadTarget target = switch (part) {
            case "ancillary" -> UploadTarget.CDB_ANCILLARY;
            case "immutable" -> UploadTarget.CDB_IMMUTABLE;
            case "digests" -> UploadTarget.CDB_DIGESTS;
            default -> null;
        };
        if (target == null) return notFound();
        return files.find(target, file).map(p -> send(p, file)).orElseGet(DownloadResource::notFound);
    }

    /**
     * Upstream's {@code extract_digest_from_path}: the second {@code .}-separated part of the file stem (the name
     * without its last extension), all hexadecimal.
     */
    static Optional<String> digestOf(String fileName) {
        int lastDot = fileName.lastIndexOf('.');
        String stem = lastDot > 0 ? fileName.substring(0, lastDot) : fileName;
        String[] parts = stem.split("\\.", -1);
        if (parts.length < 2) return Optional.empty();
        String digest = parts[1];
        return digest.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)
                ? Optional.of(digest)
                : Optional.empty();
    }

    private static Response send(java.nio.file.Path file, String name) {
        return Response.ok(file, PublishedFiles.contentType(name))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private static Response notFound() {
        return Response.status(404).build();
    }

    private static Response forbidden() {
        return Response.status(403).build();
    }
}
