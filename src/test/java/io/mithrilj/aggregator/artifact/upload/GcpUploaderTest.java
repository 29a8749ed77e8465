package io.mithrilj.aggregator.artifact.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gcp uploader against {@link FakeCloudStorage}, a double of the JSON API: credentials are a service account key
 * made in the test (a fresh RSA key) whose {@code token_uri} is the double, so the client's real OAuth path runs
 * (a signed JWT exchanged for an access token, then sent as a bearer token).
 */
class GcpUploaderTest {
    private static final String BUCKET = "mithril-test-bucket";
    private static String privateKeyPem;

    @TempDir
    Path dir;

    FakeCloudStorage gcs;
    String credentials;

    @BeforeAll
    static void makeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        privateKeyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @BeforeEach
    void start() throws Exception {
        gcs = new FakeCloudStorage();
        credentials = new ObjectMapper()
                .createObjectNode()
                .put("type", "service_account")
                .put("project_id", "mithril-test")
                .put("private_key_id", "key-1")
                .put("private_key", privateKeyPem)
                .put("client_email", "uploader@mithril-test.iam.gserviceaccount.com")
                .put("client_id", "1234567890")
                .put("token_uri", gcs.tokenUri())
                .toString();
    }

    @AfterEach
    void stop() {
        gcs.close();
    }

    private GcpUploader uploader(boolean cdn) {
        return GcpUploader.create(BUCKET, cdn, credentials, gcs.host());
    }

    private Path file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void uploadsUnderTheFolderOfThePartThenMakesTheObjectPublic() throws Exception {
        Path archive = file("mainnet-e500-i9999.0123abcd.tar.zst", 3000);

        String uri = uploader(false).upload(archive, UploadTarget.IMMUTABLE_FILES_FULL);

        String object = "cardano-immutable-files-full/mainnet-e500-i9999.0123abcd.tar.zst";
        assertThat(uri).isEqualTo("https://storage.googleapis.com/" + BUCKET + "/" + object);
        assertThat(gcs.objects).containsOnlyKeys(object);
        assertThat(gcs.objects.get(object).contentType()).isEqualTo("application/octet-stream");
        assertThat(gcs.objects.get(object).content()).isEqualTo(Files.readAllBytes(archive));
        // overwrite allowed: no metadata read before the upload
        assertThat(gcs.requests("GET", "/storage/v1/b/")).isEmpty();
        // the ACL call names the object with its '/' percent-encoded
        var acl = gcs.requests("POST", "/storage/v1/b/" + BUCKET + "/o/");
        assertThat(acl).singleElement().satisfies(r -> {
            assertThat(r.rawPath())
                    .isEqualTo("/storage/v1/b/" + BUCKET
                            + "/o/cardano-immutable-files-full%2Fmainnet-e500-i9999.0123abcd.tar.zst/acl");
            assertThat(new ObjectMapper().readTree(r.body()).path("entity").asText())
                    .isEqualTo("allUsers");
            assertThat(new ObjectMapper().readTree(r.body()).path("role").asText())
                    .isEqualTo("READER");
        });
        // the real OAuth path ran: a JWT bearer grant at the key's token_uri, then the token on every API call
        assertThat(gcs.tokenRequests)
                .isNotEmpty()
                .allSatisfy(body -> assertThat(body)
                        .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")
                        .contains("assertion="));
        assertThat(gcs.requests.stream().filter(r -> !r.rawPath().equals("/token")))
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + FakeCloudStorage.ACCESS_TOKEN));
    }

    @Test
    void everyPartHasItsFolderAndTheCdnDomainReplacesGooglesHost() throws Exception {
        GcpUploader cdn = uploader(true);
        assertThat(cdn.upload(file("ancillary.tar.zst", 10), UploadTarget.CDB_ANCILLARY))
                .isEqualTo("https://" + BUCKET + "/cardano-database/ancillary/ancillary.tar.zst");
        assertThat(cdn.upload(file("devnet-digests.json", 10), UploadTarget.CDB_DIGESTS))
                .isEqualTo("https://" + BUCKET + "/cardano-database/digests/devnet-digests.json");
        assertThat(cdn.upload(file("00042.tar.zst", 10), UploadTarget.CDB_IMMUTABLE))
                .isEqualTo("https://" + BUCKET + "/cardano-database/immutable/00042.tar.zst");
        assertThat(gcs.objects)
                .containsOnlyKeys(
                        "cardano-database/ancillary/ancillary.tar.zst",
                        "cardano-database/digests/devnet-digests.json",
                        "cardano-database/immutable/00042.tar.zst");
    }

    @Test
    void partsThatMayNotBeOverwrittenAreCheckedFirstAndKeptWhenPresent() throws Exception {
        GcpUploader uploader = uploader(false);
        Path first = file("00007.tar.zst", 100);
        uploader.upload(first, UploadTarget.CDB_IMMUTABLE);
        // the metadata read answered 404: uploaded and made public
        assertThat(gcs.requests("GET", "/storage/v1/b/" + BUCKET + "/o/cardano-database%2Fimmutable%2F00007.tar.zst"))
                .hasSize(1);
        assertThat(gcs.requests("POST", "/upload/")).hasSize(1);

        Files.write(first, "other bytes".getBytes(StandardCharsets.UTF_8));
        String uri = uploader.upload(first, UploadTarget.CDB_IMMUTABLE);

        assertThat(uri)
                .isEqualTo("https://storage.googleapis.com/" + BUCKET + "/cardano-database/immutable/00007.tar.zst");
        assertThat(gcs.requests("POST", "/upload/")).as("no second upload").hasSize(1);
        assertThat(gcs.requests("POST", "/storage/v1/b/")).as("no second ACL").hasSize(1);
        assertThat(gcs.objects.get("cardano-database/immutable/00007.tar.zst").content())
                .hasSize(100);

        // an overwritable part is uploaded again without a check
        Path ancillary = file("ancillary.tar.zst", 50);
        uploader.upload(ancillary, UploadTarget.CDB_ANCILLARY);
        Files.write(ancillary, new byte[60]);
        uploader.upload(ancillary, UploadTarget.CDB_ANCILLARY);
        assertThat(gcs.objects
                        .get("cardano-database/ancillary/ancillary.tar.zst")
                        .content())
                .hasSize(60);
    }

    @Test
    void largeFilesGoUpInAResumableSession() throws Exception {
        Path big = file("mainnet-e1-i2.00ff.tar.zst", 700 * 1024);
        GcpUploader uploader = GcpUploader.create(BUCKET, false, credentials, gcs.host(), 256 * 1024);

        uploader.upload(big, UploadTarget.IMMUTABLE_FILES_FULL);

        assertThat(gcs.requests("POST", "/upload/"))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).contains("uploadType=resumable"));
        assertThat(gcs.requests("PUT", "/upload/")).isNotEmpty();
        var stored = gcs.objects.get("cardano-immutable-files-full/mainnet-e1-i2.00ff.tar.zst");
        assertThat(stored.contentType()).isEqualTo("application/octet-stream");
        assertThat(stored.content()).isEqualTo(Files.readAllBytes(big));
    }

    @Test
    void immutablesGiveOneTemplateUri() throws Exception {
        List<Path> archives = List.of(file("00001.tar.zst", 5), file("00002.tar.zst", 5), file("00003.tar.zst", 5));
        assertThat(uploader(false).uploadImmutables(archives))
                .isEqualTo("https://storage.googleapis.com/" + BUCKET
                        + "/cardano-database/immutable/{immutable_file_number}.tar.zst");
    }

    @Test
    void twoFailuresThenSuccessTakesThreeAttempts() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        RetryingUploader retrying = new RetryingUploader(uploader(false), RetryPolicy.DEFAULT, sleeps::add);
        gcs.failingUploads.set(2);

        String uri = retrying.upload(file("ancillary.tar.zst", 10), UploadTarget.CDB_ANCILLARY);

        assertThat(uri).endsWith("/cardano-database/ancillary/ancillary.tar.zst");
        assertThat(gcs.requests("POST", "/upload/")).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void threeFailuresGiveAnErrorWithoutTheCredentials() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        RetryingUploader retrying = new RetryingUploader(uploader(false), RetryPolicy.DEFAULT, sleeps::add);
        gcs.failingUploads.set(3);
        Path file = file("ancillary.tar.zst", 10);

        assertThatThrownBy(() -> retrying.upload(file, UploadTarget.CDB_ANCILLARY))
                .isInstanceOf(UploadException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message)
                            .contains("Upload failed after 3 attempts", file.toString(), "CDB_ANCILLARY", "503")
                            .doesNotContain("\n")
                            .doesNotContain("PRIVATE KEY")
                            .doesNotContain(privateKeyPem.substring(40, 80))
                            .doesNotContain(FakeCloudStorage.ACCESS_TOKEN);
                });
        assertThat(gcs.requests("POST", "/upload/")).hasSize(3);
        assertThat(gcs.objects).isEmpty();
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aFailedAclIsAFailedUpload() throws Exception {
        gcs.failingAcls.set(1);
        assertThatThrownBy(() -> uploader(false).upload(file("x.tar.zst", 1), UploadTarget.CDB_ANCILLARY))
                .isInstanceOf(UploadException.class)
                .hasMessageStartingWith("Updating acl failure of ")
                .hasMessageContaining("503");
    }

    @Test
    void unusableCredentialsAreNamedNeverQuoted() {
        String broken = credentials.replace("\"service_account\"", "\"something_else\"");
        assertThatThrownBy(() -> GcpUploader.create(BUCKET, false, broken, gcs.host()))
                .hasMessageStartingWith("GOOGLE_APPLICATION_CREDENTIALS_JSON is not a usable service account key")
                .hasMessageNotContaining("PRIVATE KEY")
                .hasMessageNotContaining("uploader@");
        assertThatThrownBy(() -> GcpUploader.create(BUCKET, false, "{not json", gcs.host()))
                .hasMessageStartingWith("GOOGLE_APPLICATION_CREDENTIALS_JSON is not a usable service account key");
        assertThatThrownBy(() -> GcpUploader.create(" ", false, credentials, gcs.host()))
                .hasMessage("SNAPSHOT_BUCKET_NAME is required");
    }
}
