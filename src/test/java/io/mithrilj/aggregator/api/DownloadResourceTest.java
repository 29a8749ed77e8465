package io.mithrilj.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mithrilj.aggregator.artifact.upload.FileUploader;
import io.mithrilj.aggregator.artifact.upload.UploadTarget;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The download routes of the local uploader: published files are streamed with upstream's headers; anything else,
 * and every way out of the served directories (dot segments, encoded slashes and dots, absolute paths, symbolic
 * links), is a 404. Traversal requests are written on a raw socket so that no client normalizes them.
 */
@QuarkusTest
@TestProfile(DownloadResourceTest.LocalUploader.class)
class DownloadResourceTest extends ApiTestBase {
    static final Path SNAPSHOTS = tempDirectory("snapshots");
    static final Path OUTSIDE = tempDirectory("outside");

    /** The fixture's first CardanoImmutableFilesFull artifact. */
    static final String DIGEST = "6b6c7780ea6833662c2a34404560dbd0d7142923f2328a43f0af16beecc5db07";

    static final String ARCHIVE = "devnet-e18-i4." + DIGEST + ".tar.zst";

    public static class LocalUploader implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mithril.snapshot-uploader-type", "local", "mithril.snapshot-directory", SNAPSHOTS.toString());
        }
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void publish() throws IOException {
        Path full = Files.createDirectories(SNAPSHOTS.resolve("cardano-immutable-files-full"));
        Path ancillary = Files.createDirectories(SNAPSHOTS.resolve("cardano-database/ancillary"));
        Path immutable = Files.createDirectories(SNAPSHOTS.resolve("cardano-database/immutable"));
        Path digests = Files.createDirectories(SNAPSHOTS.resolve("cardano-database/digests"));
        Files.write(full.resolve(ARCHIVE), bytes(5000));
        Files.write(full.resolve("devnet-e1-i1." + "ab".repeat(32) + ".tar.zst"), bytes(10)); // unknown digest
        Files.write(full.resolve("not-a-snapshot.tar.zst"), bytes(10));
        Files.write(ancillary.resolve("devnet-e18-i4.ancillary.tar.zst"), bytes(300));
        Files.write(ancillary.resolve(".upload-1-devnet-e18-i4.ancillary.tar.zst"), bytes(30));
        Files.write(immutable.resolve("00001.tar.zst"), bytes(200));
        Files.writeString(digests.resolve("devnet-digests.json"), "[]");
        Files.writeString(SNAPSHOTS.resolve("secret.txt"), "snapshot directory");
        Files.writeString(SNAPSHOTS.resolve("cardano-database/secret.txt"), "cardano-database directory");
        Files.writeString(OUTSIDE.resolve("passwd"), "outside");
        link(full.resolve("devnet-e2-i2." + DIGEST + ".tar.zst"), OUTSIDE.resolve("passwd"));
        link(ancillary.resolve("escape.tar.zst"), OUTSIDE.resolve("passwd"));
        link(ancillary.resolve("up.tar.zst"), SNAPSHOTS.resolve("cardano-database/secret.txt"));
        link(immutable.resolve("dir"), OUTSIDE);
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.isSymbolicLink(link)) Files.createSymbolicLink(link, target);
    }

    private static byte[] bytes(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (i * 31 + size);
        return b;
    }

    @Test
    void aPublishedSnapshotArchiveIsStreamedWithUpstreamsHeaders() {
        Response r = RestAssured.given().get("/aggregator/snapshot_download/" + ARCHIVE);
        r.then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"" + ARCHIVE + "\"")
                .header("Content-Type", "application/octet-stream")
                .header("Content-Length", "5000");
        assertThat(r.asByteArray()).isEqualTo(bytes(5000));
        RestAssured.given()
                .head("/aggregator/snapshot_download/" + ARCHIVE)
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"" + ARCHIVE + "\"");
    }

    @Inject
    FileUploader uploader;

    @Test
    void whatTheLocalUploaderPublishesIsServedAtTheUriItAnswers() throws Exception {
        Path archive = Files.write(OUTSIDE.resolve("devnet-e18-i4.ancillary-new.tar.zst"), bytes(777));

        String uri = uploader.upload(archive, UploadTarget.CDB_ANCILLARY);

        assertThat(uri)
                .isEqualTo("http://localhost:8080/aggregator/cardano-database-download/ancillary/"
                        + "devnet-e18-i4.ancillary-new.tar.zst");
        Response served = RestAssured.given().get(URI.create(uri).getPath());
        served.then().statusCode(200);
        assertThat(served.asByteArray()).isEqualTo(bytes(777));
    }

    @Test
    void aSnapshotArchiveNeedsTheDigestOfAKnownArtifact() {
        RestAssured.given()
                .get("/aggregator/snapshot_download/devnet-e1-i1." + "ab".repeat(32) + ".tar.zst")
                .then()
                .statusCode(404)
                .body(equalTo(""));
        RestAssured.given()
                .get("/aggregator/snapshot_download/not-a-snapshot.tar.zst")
                .then()
                .statusCode(404);
        // the digest is known but the file is not there
        RestAssured.given()
                .get("/aggregator/snapshot_download/devnet-e9-i9." + DIGEST + ".tar.gz")
                .then()
                .statusCode(404);
    }

    @Test
    void theCardanoDatabasePartsAreServedFromTheirDirectories() {
        Response ancillary = RestAssured.given()
                .get("/aggregator/cardano-database-download/ancillary/devnet-e18-i4.ancillary.tar.zst");
        ancillary
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"devnet-e18-i4.ancillary.tar.zst\"")
                .header("Content-Type", "application/octet-stream");
        assertThat(ancillary.asByteArray()).isEqualTo(bytes(300));
        Response immutable = RestAssured.given().get("/aggregator/cardano-database-download/immutable/00001.tar.zst");
        immutable.then().statusCode(200);
        assertThat(immutable.asByteArray()).isEqualTo(bytes(200));
        RestAssured.given()
                .get("/aggregator/cardano-database-download/digests/devnet-digests.json")
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("application/json"))
                .body(equalTo("[]"));
        RestAssured.given()
                .get("/aggregator/cardano-database-download/other/00001.tar.zst")
                .then()
                .statusCode(404);
        RestAssured.given()
                .get("/aggregator/cardano-database-download/immutable/00002.tar.zst")
                .then()
                .statusCode(404);
    }

    @Test
    void everyWayOutOfTheServedDirectoriesIs404() {
        String[] attempts = {
            // dot segments, plain and encoded
            "/aggregator/snapshot_download/../secret.txt",
            "/aggregator/snapshot_download/../../secret.txt",
            "/aggregator/snapshot_download/%2e%2e/secret.txt",
            "/aggregator/snapshot_download/%2e%2e%2fsecret.txt",
            "/aggregator/snapshot_download/%2E%2E%2F%2E%2E%2Fsecret.txt",
            "/aggregator/snapshot_download/..%2fsecret.txt",
            "/aggregator/snapshot_download/..%5csecret.txt",
            "/aggregator/snapshot_download/%252e%252e%252fsecret.txt",
            "/aggregator/cardano-database-download/ancillary/../secret.txt",
            "/aggregator/cardano-database-download/ancillary/..%2Fsecret.txt",
            "/aggregator/cardano-database-download/ancillary/..%2F..%2Fsecret.txt",
            "/aggregator/cardano-database-download/..%2Fcardano-immutable-files-full/" + ARCHIVE,
            "/aggregator/cardano-database-download/%2e%2e/secret.txt",
            "/aggregator/cardano-database-download/immutable/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
            // absolute paths
            "/aggregator/snapshot_download/%2Fetc%2Fpasswd",
            "/aggregator/snapshot_download/" + urlPath(OUTSIDE.resolve("passwd")),
            "/aggregator/cardano-database-download/ancillary/" + urlPath(OUTSIDE.resolve("passwd")),
            "/aggregator/snapshot_download//etc/passwd",
            // symbolic links leading out (the first one even carries a known digest)
            "/aggregator/snapshot_download/devnet-e2-i2." + DIGEST + ".tar.zst",
            "/aggregator/cardano-database-download/ancillary/escape.tar.zst",
            "/aggregator/cardano-database-download/ancillary/up.tar.zst",
            "/aggregator/cardano-database-download/immutable/dir/passwd",
            "/aggregator/cardano-database-download/immutable/dir%2Fpasswd",
            // a directory, the uploader's temporary copy
            "/aggregator/cardano-database-download/immutable/",
            "/aggregator/cardano-database-download/ancillary/.upload-1-devnet-e18-i4.ancillary.tar.zst",
        };
        for (String path : attempts) {
            RawResponse r = rawGet(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("outside", "directory");
        }
    }

    private static String urlPath(Path absolute) {
        return absolute.toString().replace("/", "%2F");
    }

    record RawResponse(int status, String body) {}

    /** GET with the request line exactly as written: no client normalizes or re-encodes it. */
    private static RawResponse rawGet(String path) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyAt = response.indexOf("\r\n\r\n");
            return new RawResponse(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
