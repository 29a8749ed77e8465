package io.mithrilj.aggregator.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** The API suite's aggregator uses the gcp uploader (the default): the download routes are forbidden, as upstream. */
@QuarkusTest
class DownloadForbiddenTest extends ApiTestBase {

    @Test
    void theDownloadRoutesAre403WithoutTheLocalUploader() {
        RestAssured.given()
                .get("/aggregator/snapshot_download/devnet-e18-i4." + DownloadResourceTest.DIGEST + ".tar.zst")
                .then()
                .statusCode(403);
        for (String part : new String[] {"ancillary", "immutable", "digests"}) {
            RestAssured.given()
                    .get("/aggregator/cardano-database-download/" + part + "/00001.tar.zst")
                    .then()
                    .statusCode(403);
        }
    }
}
