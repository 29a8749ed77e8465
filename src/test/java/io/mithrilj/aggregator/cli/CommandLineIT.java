package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's command line, against the packaged jar. */
class CommandLineIT {

    /** The AOT cache the build's training run writes beside the jar (absent with -Dmithril.aot.skip=true). */
    private static final Path AOT_CACHE = Path.of("target/quarkus-app/app.aot");

    @TempDir
    Path work;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void versionAndHelp() throws Exception {
        AggregatorProcess.Result version = AggregatorProcess.run(work, Map.of(), "-V");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output().strip()).matches("mithril-aggregator \\d+\\.\\d+\\.\\d+.*");

        AggregatorProcess.Result help = AggregatorProcess.run(work, Map.of(), "-h");
        assertThat(help.exitCode()).isZero();
        assertThat(help.output())
                .contains("Usage: mithril-aggregator")
                .contains("serve", "genesis", "era", "tools", "database", "help")
                .contains("--run-mode", "-v", "--db-directory", "--config-directory", "--help", "--version");
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        AggregatorProcess.Result r = AggregatorProcess.run(work, Map.of(), "fly");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("Unmatched argument").contains("fly");
    }

    @Test
    void commandsNotBuiltYetSaySoAndFail() throws Exception {
        AggregatorProcess.Result r = AggregatorProcess.run(work, Map.of(), "tools", "recompute-certificates-hash");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.output())
                .contains("'mithril-aggregator tools recompute-certificates-hash' is not available in this build yet");
    }

    @Test
    void invalidSettingsStopStartupWithOneLineNamingTheVariable() throws Exception {
        AggregatorProcess.Result port = AggregatorProcess.run(work, Map.of("SERVER_PORT", "abc"), "serve");
        assertThat(port.exitCode()).isEqualTo(1);
        assertThat(port.output().strip())
                .isEqualTo("Error: invalid configuration: SERVER_PORT='abc' is not a port number (0-65535)");

        AggregatorProcess.Result era = AggregatorProcess.run(work, Map.of("ERA_READER_ADAPTER_PARAMS", "{"), "serve");
        assertThat(era.exitCode()).isEqualTo(1);
        assertThat(era.output().strip().lines()).hasSize(1);
        assertThat(era.output())
                .startsWith("Error: invalid configuration: ERA_READER_ADAPTER_PARAMS='{' is not valid JSON");
        assertThat(work.resolve("stores")).doesNotExist(); // refused before anything was started or written
    }

    @Test
    void anUnreachableDatabaseStopsStartupWithOneLineNamingIt() throws Exception {
        AggregatorProcess.Result result = AggregatorProcess.run(
                work, Map.of("DATABASE_URL", "postgresql://mithril:secret@127.0.0.1:1/mithril"), "serve");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().lines().filter(l -> l.startsWith("Error: ")))
                .singleElement()
                .asString()
                .contains("cannot migrate the database schema at jdbc:postgresql://127.0.0.1:1/mithril (user mithril)")
                .contains("Connection")
                .doesNotContain("secret");
        assertThat(result.output()).doesNotContain("secret");
    }

    @Test
    void verifiesARealCertificateChainWithTheNativeCryptography() throws Exception {
        // upstream's fixture chain, served over HTTP: the packaged jar checks every STM multi-signature (blst
        // through the FFM API, allowed by the jar's manifest: no JVM warning about restricted methods)
        try (FakeAggregator aggregator = new FakeAggregator()) {
            AggregatorProcess.Result verified = AggregatorProcess.run(
                    work,
                    Map.of(),
                    "tools",
                    "verify-certificate-chain",
                    "--aggregator-endpoint",
                    aggregator.endpoint(),
                    "--genesis-verification-key",
                    UpstreamReference.GENESIS_VERIFICATION_KEY);
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output())
                    .contains("Certificate chain is valid: 12 certificates")
                    .doesNotContain("restricted method")
                    .doesNotContain("WARNING");
        }
    }

    @Test
    void servesOnTheEmbeddedDatabaseKeepsItsRowsAndLeavesPortsToOtherCommands() throws Exception {
        // free ports, given to every command: the others must run beside serve without binding them
        int port = freePort();
        int metricsPort = freePort();
        Map<String, String> env = Map.of(
                "ENABLE_METRICS_SERVER", "true",
                "SERVER_PORT", Integer.toString(port),
                "METRICS_SERVER_PORT", Integer.toString(metricsPort));
        // the build's AOT cache, given by the launcher (its log names the file it opened); AOTMode=on: the JVM
        // refuses to start if that cache does not match this JDK and these jars, instead of ignoring it. A build
        // with -Dmithril.aot.skip=true has no cache: then the launcher is tested without it.
        boolean aotCacheBuilt = Files.isRegularFile(AOT_CACHE);
        Path aotLog = work.resolve("aot.log");
        Map<String, String> cached = new HashMap<>(env);
        if (aotCacheBuilt) cached.put("JAVA_OPTS", "-XX:AOTMode=on -Xlog:aot=info:file=" + aotLog);
        String ready = "http://127.0.0.1:" + port + "/q/health/ready";
        try (AggregatorProcess first = AggregatorProcess.start(work, cached, "-vv", "serve")) {
            first.awaitReady(ready, Duration.ofSeconds(120));
            if (aotCacheBuilt) {
                assertThat(Files.readString(aotLog))
                        .contains("Opened AOT cache ")
                        .contains("quarkus-app/app.aot");
            }
            assertThat(AggregatorProcess.get("http://127.0.0.1:" + port + "/q/health/live")
                            .statusCode())
                    .isEqualTo(200);

            String metrics = AggregatorProcess.get("http://127.0.0.1:" + metricsPort + "/metrics")
                    .body();
            Arrays.stream(MithrilMetric.values())
                    .forEach(m -> assertThat(metrics).contains("# TYPE " + m.metricName() + " counter"));

            // the same ports and stores, from other commands, while serve holds them
            AggregatorProcess.Result version = AggregatorProcess.run(work, env, "-V");
            assertThat(version.exitCode()).isZero();
            AggregatorProcess.Result eras = AggregatorProcess.run(work, env, "era", "list", "--json");
            assertThat(eras.output().strip()).isEqualTo("[\"pythagoras\",\"lagrange\"]");
            AggregatorProcess.Result migrate = AggregatorProcess.run(work, env, "database", "migrate");
            assertThat(migrate.exitCode()).as(migrate.output()).isZero();
            assertThat(migrate.output()).contains("Migrating databases from stores directory: ./stores");

            first.awaitOutput("Service start number 1 recorded in the stores", Duration.ofSeconds(30));
            // SIGTERM: graceful stop (HTTP server, pools, then the embedded PostgreSQL), the JVM's 128+15
            assertThat(first.stop()).isEqualTo(143);
            assertThat(first.output())
                    .contains("Service start number 1 recorded in the stores")
                    .contains("mithril-aggregator stopped in")
                    .as("a clean stop logs no error")
                    .doesNotContain("\"level\":\"ERROR\"");
            assertThat(work.resolve("stores/postgres/postmaster.pid"))
                    .as("embedded PostgreSQL stopped")
                    .doesNotExist();
        }
        try (AggregatorProcess second = AggregatorProcess.start(work, cached, "-vv", "serve")) {
            long nanos = second.awaitReady(ready, Duration.ofSeconds(120));
            System.out.printf("restart to ready with the embedded database initialised: %d ms%n", nanos / 1_000_000);
            second.awaitOutput("Service start number 2 recorded in the stores", Duration.ofSeconds(30));
            assertThat(second.stop()).isEqualTo(143);
            assertThat(second.output())
                    .contains("Service start number 2 recorded in the stores")
                    .doesNotContain("\"level\":\"ERROR\"");
        }
    }
}
