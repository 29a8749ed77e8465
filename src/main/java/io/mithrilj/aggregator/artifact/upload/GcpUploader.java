package io.mithrilj.aggregator.artifact.upload;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The gcp uploader (upstream {@code CloudUploader} over {@code GCloudBackendUploader}), on Google's Cloud Storage
 * client through the JSON API: object {@code <folder>/<file name>} in the bucket, content type
 * {@code application/octet-stream} (upstream's {@code Media::new}), then an ACL {@code allUsers: READER}. For the parts
 * that may not be overwritten, an object already present is kept and its URI returned without upload (a failed
 * metadata read counts as absent, as upstream). The client's own retries are off: {@link RetryingUploader} retries.
 */
public final class GcpUploader implements FileUploader {
    private static final Logger LOG = Logger.getLogger(GcpUploader.class);

    /** The content type upstream's client sends with every upload. */
    static final String CONTENT_TYPE = "application/octet-stream";

    /** Google's host of the JSON API. */
    public static final String GOOGLE_STORAGE_HOST = "https://storage.googleapis.com";

    /** Files from this size on go up in a resumable session, in chunks of this size (the client's default). */
    static final int DEFAULT_UPLOAD_BUFFER = 15 * 1024 * 1024;

    private final Storage storage;
    private final String bucket;
    private final boolean useCdnDomain;
    private final int uploadBuffer;

    GcpUploader(Storage storage, String bucket, boolean useCdnDomain, int uploadBuffer) {
        this.storage = storage;
        this.bucket = bucket;
        this.useCdnDomain = useCdnDomain;
        this.uploadBuffer = uploadBuffer;
    }

    /**
     * An uploader authenticated with the service account of {@code credentialsJson} (the text of
     * {@code GOOGLE_APPLICATION_CREDENTIALS_JSON}). An unusable text gives an error that names the variable and never
     * repeats its content.
     *
     * @param storageHost the JSON API's host, {@link #GOOGLE_STORAGE_HOST} but in tests
     */
    public static GcpUploader create(String bucket, boolean useCdnDomain, String credentialsJson, String storageHost) {
        return create(bucket, useCdnDomain, credentialsJson, storageHost, DEFAULT_UPLOAD_BUFFER);
    }

    static GcpUploader create(
            String bucket, boolean useCdnDomain, String credentialsJson, String storageHost, int uploadBuffer) {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("SNAPSHOT_BUCKET_NAME is required");
        if (credentialsJson == null || credentialsJson.isBlank()) {
            throw new IllegalArgumentException("GOOGLE_APPLICATION_CREDENTIALS_JSON is required");
        }
        ServiceAccountCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(credentialsJson.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // the cause's message may quote the text: only its type is told
            throw new IllegalArgumentException(
                    "GOOGLE_APPLICATION_CREDENTIALS_JSON is not a usable service account key ("
                            + e.getClass().getSimpleName() + ")");
        }
        String project = credentials.getProjectId() == null ? "mithril" : credentials.getProjectId();
        Storage storage = StorageOptions.http()
                .setHost(storageHost)
                .setProjectId(project)
                .setCredentials(credentials)
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build()
                .getService();
        return new GcpUploader(storage, bucket, useCdnDomain, uploadBuffer);
    }

    /** {@code https://storage.googleapis.com/<bucket>/<object>}, or {@code https://<bucket>/<object>} on a CDN domain. */
    public String uri(String objectName) {
        return useCdnDomain
                ? "https://" + bucket + "/" + objectName
                : "https://storage.googleapis.com/" + bucket + "/" + objectName;
    }

    @Override
    public String upload(Path file, UploadTarget target) throws UploadException {
        Path name = file.getFileName();
        if (name == null) throw UploadException.of("Cannot upload", file, target, "the path has no file name");
        if (!Files.isRegularFile(file)) throw UploadException.of("Cannot upload", file, target, "not a regular file");
        String objectName = target.cloudFolder() + "/" + name;
        BlobId blob = BlobId.of(bucket, objectName);
        if (!target.overwriteAllowed() && exists(blob)) {
            LOG.infof("Found file metadata %s: kept, not uploaded again", objectName);
            return uri(objectName);
        }
        LOG.infof("Uploading %s to %s", file, objectName);
        try {
            storage.createFrom(
                    BlobInfo.newBuilder(blob).setContentType(CONTENT_TYPE).build(), file);
        } catch (IOException | RuntimeException e) {
            throw UploadException.of("Remote uploading failure of", file, target, e);
        }
        LOG.infof("Uploaded %s to %s", file, objectName);
        try {
            storage.createAcl(blob, Acl.of(Acl.User.ofAllUsers(), Acl.Role.READER));
        } catch (RuntimeException e) {
            throw UploadException.of("Updating acl failure of", file, target, e);
        }
        return uri(objectName);
    }

    private boolean exists(BlobId blob) {
        try {
            return storage.get(blob) != null;
        } catch (RuntimeException e) {
            LOG.infof("Missing file metadata %s (%s)", blob.getName(), UploadException.describe(e));
            return false;
        }
    }
}
