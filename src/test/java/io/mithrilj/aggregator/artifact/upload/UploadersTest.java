package io.mithrilj.aggregator.artifact.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The producer's choice from the settings, in the packaged class loading: SNAPSHOT_UPLOADER_TYPE=gcp with a bucket,
 * the credentials JSON and the CDN domain gives a retried gcp uploader that publishes into the bucket (here the
 * JSON API double) and answers CDN URIs; the download routes are then forbidden.
 */
@QuarkusTest
@TestProfile(UploadersTest.Gcp.class)
class UploadersTest {
    static FakeCloudStorage gcs;

    public static class Gcp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DoubleResource.class));
        }
    }

    public static class DoubleResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                gcs = new FakeCloudStorage();
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(
                                        generator.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                String credentials = new ObjectMapper()
                        .createObjectNode()
                        .put("type", "service_account")
                        .put("project_id", "mithril-test")
                        .put("private_key_id", "key-1")
                        .put("private_key", pem)
                        .put("client_email", "uploader@mithril-test.iam.gserviceaccount.com")
                        .put("client_id", "1")
                        .put("token_uri", gcs.tokenUri())
                        .toString();
                return Map.of(
                        "mithril.snapshot-uploader-type", "gcp",
                        "mithril.snapshot-bucket-name", "cdn.example.org",
                        "mithril.snapshot-use-cdn-domain", "true",
                        "mithril.google-application-credentials-json", credentials,
                        "mithril.gcp.storage-host", gcs.host());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (gcs != null) gcs.close();
        }
    }

    @Inject
    FileUploader uploader;

    @Inject
    PublishedFiles published;

    @Test
    void gcpIsChosenRetriedAndPublishesIntoTheBucket() throws Exception {
        Path digests = Files.writeString(Files.createTempDirectory("digests").resolve("devnet-digests.json"), "[]");

        String uri = uploader.upload(digests, UploadTarget.CDB_DIGESTS);

        assertThat(uri).isEqualTo("https://cdn.example.org/cardano-database/digests/devnet-digests.json");
        assertThat(gcs.objects
                        .get("cardano-database/digests/devnet-digests.json")
                        .content())
                .isEqualTo("[]".getBytes(StandardCharsets.UTF_8));
        assertThat(gcs.tokenRequests).isNotEmpty();
        assertThat(published.servingAllowed()).isFalse();
    }
}
