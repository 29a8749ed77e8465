package io.mithrilj.aggregator.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.devnet.DevnetSigners;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.runtime.RunningDevnet;
import io.mithrilj.aggregator.runtime.RuntimeCycle;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's page and fragments on a running devnet, checked against what the API answers at the same time; values
 * from signers and from the chain are escaped.
 */
@QuarkusTest
@TestProfile(RunningDevnet.Profile.class)
class ConsolePagesTest {
    private static final Pattern CERTIFICATE_LINK = Pattern.compile("href=\"/aggregator/certificate/([0-9a-f]{64})\"");
    private static final List<String> FRAGMENTS = List.of("overview", "timeline", "sync", "dmq", "metrics");

    @Inject
    Pool pool;

    @Inject
    RuntimeCycle runtime;

    @Inject
    DevnetSigners signers;

    @Inject
    AggregatorMetrics metrics;

    @Inject
    AggregatorConfig config;

    @Inject
    @Location("console/page.html")
    Template page;

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void stop() throws InterruptedException {
        RunningDevnet.stop(pool, runtime, signers);
    }

    private String get(String path) {
        return RestAssured.get(root + path.substring(1))
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as("element #%s in %s", id, html).isTrue();
        return m.group(1).trim();
    }

    private static List<String> certificateHashes(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = CERTIFICATE_LINK.matcher(html.substring(html.indexOf("id=\"certificates\"")));
        while (m.find() && !out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }

    private List<String> apiCertificateHashes() {
        List<String> out = new ArrayList<>();
        for (JsonNode c : MessageJson.parse(get("/aggregator/certificates")))
            out.add(c.get("hash").asText());
        return out;
    }

    @Test
    void everyPageAndFragmentShowsWhatTheApiAnswers() throws Exception {
        RunningDevnet.start(pool, runtime, signers);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (apiCertificateHashes().size() < 3 && Instant.now().isBefore(deadline)) Thread.sleep(500);
        assertThat(apiCertificateHashes()).as("certificates of the devnet").hasSizeGreaterThanOrEqualTo(3);

        // the page, between two readings of the API that agree (a certificate or an epoch may come in between)
        String html = null;
        JsonNode status = null;
        List<String> hashes = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            JsonNode before = MessageJson.parse(get("/aggregator/status"));
            List<String> hashesBefore = apiCertificateHashes();
            html = get("/console");
            JsonNode after = MessageJson.parse(get("/aggregator/status"));
            hashes = apiCertificateHashes();
            if (before.equals(after) && hashesBefore.equals(hashes)) {
                status = after;
                break;
            }
        }
        assertThat(status)
                .as("a quiet moment to compare the console with the API")
                .isNotNull();
        assertThat(html).contains("<meta name=\"viewport\"").contains(ConsoleResource.HTMX);
        assertThat(text(html, "epoch")).isEqualTo(status.get("epoch").asText());
        assertThat(text(html, "network"))
                .isEqualTo(status.get("cardano_network").asText());
        assertThat(text(html, "version"))
                .startsWith(status.get("aggregator_node_version").asText() + " ");
        assertThat(text(html, "total-signers"))
                .isEqualTo(status.get("total_signers").asText());
        assertThat(text(html, "total-next-signers"))
                .isEqualTo(status.get("total_next_signers").asText());
        JsonNode protocol = status.get("protocol");
        assertThat(text(html, "protocol"))
                .isEqualTo("k=" + protocol.get("k").asText() + ", m="
                        + protocol.get("m").asText() + ", φf="
                        + protocol.get("phi_f").asText());
        assertThat(text(html, "role")).isEqualTo("devnet (leader)");
        assertThat(text(html, "state")).isIn("Idle", "Ready", "Signing");
        assertThat(text(html, "certificate-count")).isEqualTo(Integer.toString(hashes.size()));
        assertThat(certificateHashes(html)).isEqualTo(hashes);
        // the signers of the current epoch, by party id, as /epoch-settings lists them
        JsonNode settings = MessageJson.parse(get("/aggregator/epoch-settings"));
        if (settings.get("epoch").equals(status.get("epoch"))) {
            String current =
                    html.substring(html.indexOf("id=\"current-signers\""), html.indexOf("id=\"next-signers\""));
            for (JsonNode s : settings.get("current_signers"))
                assertThat(current).contains(s.get("party_id").asText());
        }
        // the timeline: the latest certificate's epoch, linked
        JsonNode latest = MessageJson.parse(get("/aggregator/certificates")).get(0);
        String timeline = get("/console/fragments/timeline");
        assertThat(timeline).contains("Epoch " + latest.get("epoch").asText());
        assertThat(timeline)
                .contains("/aggregator/certificate/" + latest.get("hash").asText());
        // when the runtime began the epoch (its transition recorded the next epoch's stakes then)
        assertThat(timeline).containsPattern("Began \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        // a leader says so; no DMQ socket here
        assertThat(get("/console/fragments/sync")).contains("This aggregator is the leader");
        assertThat(text(get("/console/fragments/dmq"), "dmq-summary")).contains("DMQ is not configured");
        // the counters: certificates produced, between two readings
        double producedBefore = metrics.value(MithrilMetric.CERTIFICATE_TOTAL_PRODUCED);
        String metricsHtml = get("/console/fragments/metrics");
        double producedAfter = metrics.value(MithrilMetric.CERTIFICATE_TOTAL_PRODUCED);
        Matcher produced = Pattern.compile(
                        "data-metric=\"" + MithrilMetric.CERTIFICATE_TOTAL_PRODUCED.metricName() + "\">([0-9.]+)<")
                .matcher(metricsHtml);
        assertThat(produced.find()).isTrue();
        assertThat(Double.parseDouble(produced.group(1))).isBetween(producedBefore, producedAfter);
        assertThat(producedBefore).isGreaterThanOrEqualTo(2);
        for (MithrilMetric m : MithrilMetric.values()) assertThat(metricsHtml).contains(m.metricName());
        assertThat(metricsHtml).contains("<polyline"); // sampled every 5 s since start-up
        if (config.enableMetricsServer()) {
            assertThat(metricsHtml).contains(":" + config.metricsServerPort() + "/metrics");
        } else {
            assertThat(text(metricsHtml, "prometheus")).contains("ENABLE_METRICS_SERVER=false");
        }

        // every fragment: its section alone, polling its own route
        for (String fragment : FRAGMENTS) {
            String body = get("/console/fragments/" + fragment);
            assertThat(body)
                    .as(fragment)
                    .startsWith("<section id=\"" + fragment + "\"")
                    .contains("hx-get=\"/console/fragments/" + fragment + "\"")
                    .doesNotContain("<html");
            assertThat(html).contains("hx-get=\"/console/fragments/" + fragment + "\"");
        }
        // the assets: htmx from its webjar, the style sheet from ops-console/static
        assertThat(get(ConsoleResource.HTMX)).contains("htmx");
        assertThat(get("/console/console.css")).contains(".panel");
        // read-only
        RestAssured.given().post(root + "console").then().statusCode(405);
        RestAssured.given().post(root + "console/fragments/overview").then().statusCode(405);
        // no secret: the genesis secret key is never read; its configured value never appears
        String page = html;
        config.genesisSecretKey().ifPresent(k -> assertThat(page).doesNotContain(k));
    }

    @Test
    void valuesFromSignersAndTheChainAreShownAsText() {
        String attack = "<script>alert('x')</script>";
        ConsoleView.Overview overview = new ConsoleView.Overview(
                "leader",
                "devnet",
                "0",
                "0",
                attack,
                3,
                attack,
                attack,
                attack,
                "Signing",
                "t",
                "1 ms",
                attack,
                true,
                new ConsoleView.OpenMessageView(attack, attack, "t", "t", "signing", 1, "5"),
                attack,
                attack,
                1,
                1,
                List.of(new ConsoleView.SignerView(attack, "1", "100 %")),
                List.of(new ConsoleView.SignerView(attack, "1", "100 %")),
                List.of(new ConsoleView.CertificateView("ab\"><script>", attack, 3, attack, attack, 1)));
        String overviewHtml = page.getFragment("overview")
                .data("overview", overview)
                .data("refresh", ConsoleResource.REFRESH)
                .render();
        String timelineHtml = page.getFragment("timeline")
                .data(
                        "timeline",
                        List.of(new ConsoleView.EpochRow(
                                3,
                                attack,
                                attack,
                                attack,
                                List.of(new ConsoleView.MessageRow(
                                        attack, attack, attack, attack, attack, attack, "/x\"><script>")))))
                .data("refresh", ConsoleResource.REFRESH)
                .render();
        // a follower's panel: the leader's endpoint and its error messages are shown as text too
        String syncHtml = page.getFragment("sync")
                .data(
                        "sync",
                        new ConsoleView.Sync(true, attack, "4", "3", "t", "t", attack, attack, 7, "t", "4", 5, attack))
                .data("refresh", ConsoleResource.REFRESH)
                .render();
        assertThat(syncHtml).doesNotContain("This aggregator is the leader").contains("7");
        String dmqHtml = page.getFragment("dmq")
                .data("dmq", new ConsoleView.Dmq(true, attack, "not running", "not connected", "–", 2, 1, attack))
                .data("refresh", ConsoleResource.REFRESH)
                .render();
        assertThat(dmqHtml).contains("2 / 1");
        for (String html : List.of(overviewHtml, timelineHtml, syncHtml, dmqHtml)) {
            assertThat(html).doesNotContainIgnoringCase("<script").contains("&lt;script&gt;alert(");
        }
    }
}
