package io.mithrilj.aggregator.artifact.upload;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ApiSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks the snapshot uploader from {@code SNAPSHOT_UPLOADER_TYPE} (upstream's {@code build_*_uploader}): {@code local}
 * publishes under {@code SNAPSHOT_DIRECTORY} for the download routes, {@code gcp} in {@code SNAPSHOT_BUCKET_NAME};
 * both retried as upstream (3 attempts, 5 s apart). The settings are checked at start-up by
 * {@code config.ResolvedSettings}.
 */
@ApplicationScoped
public class Uploaders {

    /** Values of {@code SNAPSHOT_UPLOADER_TYPE}. */
    public static final String LOCAL = "local";

    public static final String GCP = "gcp";

    private final AggregatorConfig config;
    private final ApiSettings api;
    private final String storageHost;

    Uploaders(
            AggregatorConfig config,
            ApiSettings api,
            // hidden: the JSON API host, pointed at a test double in tests
            @ConfigProperty(name = "mithril.gcp.storage-host", defaultValue = GcpUploader.GOOGLE_STORAGE_HOST)
                    String storageHost) {
        this.config = config;
        this.api = api;
        this.storageHost = storageHost;
    }

    @Produces
    @ApplicationScoped
    FileUploader snapshotUploader() {
        return new RetryingUploader(build(), RetryPolicy.DEFAULT);
    }

    @Produces
    @ApplicationScoped
    PublishedFiles publishedFiles() {
        return new PublishedFiles(Path.of(config.snapshotDirectory()), isLocal());
    }

    private boolean isLocal() {
        return LOCAL.equals(config.snapshotUploaderType());
    }

    private FileUploader build() {
        return switch (config.snapshotUploaderType()) {
            case LOCAL -> new LocalUploader(Path.of(config.snapshotDirectory()), api.serverUrl());
            case GCP ->
                GcpUploader.create(
                        config.snapshotBucketName().orElse(null),
                        config.snapshotUseCdnDomain(),
                        config.googleApplicationCredentialsJson().orElse(null),
                        storageHost);
            default ->
                throw new IllegalStateException(
                        "SNAPSHOT_UPLOADER_TYPE='" + config.snapshotUploaderType() + "' is not one of gcp, local");
        };
    }
}
