package io.mithrilj.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.persistence.EmbeddedPostgresTestResource;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A 5xx body carries upstream's {@code {"message"}} shape and a neutral text; the detail is in the log. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresTestResource.class, restrictToAnnotatedClass = false)
class ServerErrorBodyTest {

    private static final Pattern NEUTRAL = Pattern.compile("internal error, request id ([0-9a-f]{16})");

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLog() {
        java.util.logging.Logger.getLogger(ApiExceptionMappers.class.getName()).addHandler(capture);
    }

    @AfterEach
    void release() {
        java.util.logging.Logger.getLogger(ApiExceptionMappers.class.getName()).removeHandler(capture);
    }

    private String requestIdOfNeutralBody(String path) {
        String body = RestAssured.get(path).then().statusCode(500).extract().asString();
        JsonNode json = MessageJson.parse(body);
        assertThat(json.size()).as(body).isEqualTo(1);
        Matcher m = NEUTRAL.matcher(json.get("message").asText());
        assertThat(m.matches()).as(body).isTrue();
        assertThat(body)
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("127.0.0.1")
                .doesNotContain("io.vertx")
                .doesNotContain("java.")
                .doesNotContain("secret");
        return m.group(1);
    }

    private void assertLoggedWithDetail(String requestId, String detail) {
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()))
                    .contains(requestId);
            assertThat(r.getThrown()).isNotNull();
            assertThat(r.getThrown().toString()).contains(detail);
        });
    }

    @Test
    void aDatabaseFailureAnswersANeutralTextAndLogsTheDetail() {
        String id = requestIdOfNeutralBody("/test-only/failures/database");
        assertLoggedWithDetail(id, "127.0.0.1");
    }

    @Test
    void aNullPointerAnswersANeutralText() {
        String id = requestIdOfNeutralBody("/test-only/failures/npe");
        assertLoggedWithDetail(id, "NullPointerException");
    }
}
