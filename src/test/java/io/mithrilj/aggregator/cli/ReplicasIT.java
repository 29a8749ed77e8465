package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.persistence.EmbeddedDatabase;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the packaged service on one PostgreSQL: both serve the API, one runs the runtime (the lease); when
 * it dies the other takes the runtime over and the chain goes on.
 */
class ReplicasIT {

    @TempDir
    Path work;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int certificates(int port) throws Exception {
        try {
            JsonNode list =
                    MessageJson.parse(AggregatorProcess.get("http://127.0.0.1:" + port + "/aggregator/certificates")
                            .body());
            return list.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void awaitCertificates(AggregatorProcess p, int port, int atLeast, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        int count = -1;
        while (System.nanoTime() < end) {
            count = certificates(port);
            if (count >= atLeast) return;
            if (!p.process.isAlive()) throw new AssertionError("service exited:\n" + p.output());
            Thread.sleep(250);
        }
        throw new AssertionError(count + " certificates after " + timeout + ":\n" + p.output());
    }

    @Test
    void oneReplicaRunsTheRuntimeBothServeAndTheOtherTakesOver() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startIn(Files.createDirectories(work.resolve("pg")))) {
            Map<String, String> ds = database.datasourceProperties();
            String url = ds.get("quarkus.datasource.reactive.url")
                    .replace(
                            "postgresql://",
                            "postgresql://" + ds.get("quarkus.datasource.username") + ":"
                                    + ds.get("quarkus.datasource.password") + "@");
            Ed25519SigningKey genesis = Ed25519SigningKey.generate();
            int portA = freePort();
            int portB = freePort();
            Map<String, String> common = Map.of(
                    "DATABASE_URL",
                    url,
                    "DEVNET_EPOCH_LENGTH_SECONDS",
                    "10",
                    "GENESIS_SECRET_KEY",
                    genesis.toJsonHex(),
                    "GENESIS_VERIFICATION_KEY",
                    genesis.verificationKey().toJsonHex());
            Map<String, String> envA = new HashMap<>(common);
            envA.put("SERVER_PORT", Integer.toString(portA));
            envA.put("DATA_STORES_DIRECTORY", work.resolve("stores-a").toString());
            Map<String, String> envB = new HashMap<>(common);
            envB.put("SERVER_PORT", Integer.toString(portB));
            envB.put("DATA_STORES_DIRECTORY", work.resolve("stores-b").toString());

            try (AggregatorProcess a = AggregatorProcess.start(work, envA, "-vv", "serve")) {
                a.awaitOutput("this replica runs the runtime cycle", Duration.ofSeconds(120));
                awaitCertificates(a, portA, 2, Duration.ofSeconds(120)); // genesis and a first certificate
                try (AggregatorProcess b = AggregatorProcess.start(work, envB, "-vv", "serve")) {
                    b.awaitReady("http://127.0.0.1:" + portB + "/q/health/ready", Duration.ofSeconds(120));
                    // both serve the same chain; only A runs the runtime
                    assertThat(AggregatorProcess.get("http://127.0.0.1:" + portB + "/aggregator/certificate/genesis")
                                    .body())
                            .isEqualTo(AggregatorProcess.get(
                                            "http://127.0.0.1:" + portA + "/aggregator/certificate/genesis")
                                    .body());
                    assertThat(AggregatorProcess.get("http://127.0.0.1:" + portB + "/aggregator/status")
                                    .statusCode())
                            .isEqualTo(200);
                    Thread.sleep(3_000);
                    assertThat(b.output()).doesNotContain("this replica runs the runtime cycle");

                    int before = certificates(portB);
                    a.process.destroyForcibly(); // the runner dies without a word
                    a.process.waitFor();
                    b.awaitOutput("this replica runs the runtime cycle", Duration.ofSeconds(60));
                    awaitCertificates(b, portB, before + 4, Duration.ofSeconds(150));
                    AggregatorProcess.Result verify = AggregatorProcess.run(
                            work,
                            envB,
                            "tools",
                            "verify-certificate-chain",
                            "--aggregator-endpoint",
                            "http://127.0.0.1:" + portB + "/aggregator",
                            "--genesis-verification-key",
                            genesis.verificationKey().toJsonHex());
                    assertThat(verify.exitCode()).as(verify.output()).isZero();
                    b.stop();
                }
            }
        }
    }
}
