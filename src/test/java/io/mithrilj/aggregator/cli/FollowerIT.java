package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances end to end, each with its own embedded PostgreSQL: a devnet leader, and a follower pointed at it on
 * the devnet's simulated chain (no signers of its own). The follower mirrors the leader's chain, keeps mirroring
 * across epochs, verifies with {@code tools verify-certificate-chain}, never makes a genesis, and resumes after a
 * restart without a duplicate.
 */
class FollowerIT {

    @TempDir
    Path work;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<JsonNode> certificates(int port) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try {
            MessageJson.parse(AggregatorProcess.get("http://127.0.0.1:" + port + "/aggregator/certificates")
                            .body())
                    .forEach(out::add);
        } catch (IOException e) {
            // not listening
        }
        return out;
    }

    private static long latestEpoch(int port) throws Exception {
        return certificates(port).stream()
                .mapToLong(c -> c.get("epoch").asLong())
                .max()
                .orElse(-1);
    }

    private static void awaitLatestEpoch(AggregatorProcess p, int port, long atLeast, Duration timeout)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (latestEpoch(port) >= atLeast) return;
            if (!p.process.isAlive()) throw new AssertionError("service exited:\n" + p.output());
            Thread.sleep(250);
        }
        throw new AssertionError("no certificate of epoch " + atLeast + " after " + timeout + ":\n" + p.output());
    }

    @Test
    void aFollowerMirrorsItsLeadersChainAcrossEpochsAndResumesAfterARestart() throws Exception {
        Ed25519SigningKey genesis = Ed25519SigningKey.generate();
        String verificationKey = genesis.verificationKey().toJsonHex();
        int leaderPort = freePort();
        int followerPort = freePort();
        String leaderEndpoint = "http://127.0.0.1:" + leaderPort + "/aggregator";
        Map<String, String> leaderEnv = Map.of(
                "SERVER_PORT", Integer.toString(leaderPort),
                "DATA_STORES_DIRECTORY", work.resolve("leader").toString(),
                "DEVNET_EPOCH_LENGTH_SECONDS", "10",
                "GENESIS_SECRET_KEY", genesis.toJsonHex(),
                "GENESIS_VERIFICATION_KEY", verificationKey);
        Map<String, String> followerEnv = Map.of(
                "SERVER_PORT",
                Integer.toString(followerPort),
                "DATA_STORES_DIRECTORY",
                work.resolve("follower").toString(),
                "DEVNET_EPOCH_LENGTH_SECONDS",
                "10",
                "LEADER_AGGREGATOR_ENDPOINT",
                leaderEndpoint,
                "GENESIS_VERIFICATION_KEY",
                verificationKey);

        try (AggregatorProcess leader = AggregatorProcess.start(work, leaderEnv, "-vv", "serve")) {
            leader.awaitReady("http://127.0.0.1:" + leaderPort + "/q/health/ready", Duration.ofSeconds(120));
            List<String> firstRun;
            try (AggregatorProcess follower = AggregatorProcess.start(work, followerEnv, "-vv", "serve")) {
                // not ready before its first synchronisation, which needs the leader's genesis
                follower.awaitReady("http://127.0.0.1:" + followerPort + "/q/health/ready", Duration.ofSeconds(180));
                assertThat(AggregatorProcess.get("http://127.0.0.1:" + followerPort + "/aggregator/certificate/genesis")
                                .body())
                        .isEqualTo(AggregatorProcess.get(leaderEndpoint + "/certificate/genesis")
                                .body());
                long mirrored = latestEpoch(followerPort);
                assertThat(mirrored).isPositive();
                // keeps mirroring: certificates of later epochs arrive without a restart
                awaitLatestEpoch(follower, followerPort, mirrored + 2, Duration.ofSeconds(120));
                // every certificate the follower serves is the leader's, byte for byte
                for (JsonNode c : certificates(followerPort)) {
                    String hash = c.get("hash").asText();
                    assertThat(AggregatorProcess.get(
                                            "http://127.0.0.1:" + followerPort + "/aggregator/certificate/" + hash)
                                    .body())
                            .isEqualTo(AggregatorProcess.get(leaderEndpoint + "/certificate/" + hash)
                                    .body());
                }
                // the leader's signers, verified and recorded: the follower's epoch settings list the same ones
                awaitSameNextSigners(follower, leaderEndpoint, followerPort, Duration.ofSeconds(60));
                assertThat(follower.output()).doesNotContain("devnet: genesis certificate");
                verify(followerEnv, followerPort, verificationKey);
                firstRun = hashes(followerPort);
                assertThat(follower.stop()).isEqualTo(143);
            }

            try (AggregatorProcess follower = AggregatorProcess.start(work, followerEnv, "-vv", "serve")) {
                follower.awaitReady("http://127.0.0.1:" + followerPort + "/q/health/ready", Duration.ofSeconds(120));
                List<String> resumed = hashes(followerPort);
                assertThat(new HashSet<>(resumed)).as("no duplicate").hasSameSizeAs(resumed);
                for (String hash : firstRun) { // what was mirrored is kept
                    assertThat(AggregatorProcess.get(
                                            "http://127.0.0.1:" + followerPort + "/aggregator/certificate/" + hash)
                                    .statusCode())
                            .as(hash)
                            .isEqualTo(200);
                }
                long before = latestEpoch(followerPort);
                awaitLatestEpoch(follower, followerPort, before + 2, Duration.ofSeconds(120));
                verify(followerEnv, followerPort, verificationKey);
                assertThat(follower.stop()).isEqualTo(143);
            }
        }
    }

    private static Set<String> nextSigners(String endpoint, long[] epoch) throws Exception {
        JsonNode settings = MessageJson.parse(
                AggregatorProcess.get(endpoint + "/epoch-settings").body());
        epoch[0] = settings.get("epoch").asLong();
        Set<String> parties = new HashSet<>();
        settings.get("next_signers").forEach(s -> parties.add(s.get("party_id").asText()));
        return parties;
    }

    private static void awaitSameNextSigners(
            AggregatorProcess follower, String leaderEndpoint, int followerPort, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            long[] leaderEpoch = new long[1];
            long[] followerEpoch = new long[1];
            Set<String> leader = nextSigners(leaderEndpoint, leaderEpoch);
            Set<String> mirrored = nextSigners("http://127.0.0.1:" + followerPort + "/aggregator", followerEpoch);
            if (leaderEpoch[0] == followerEpoch[0] && !leader.isEmpty() && leader.equals(mirrored)) return;
            last = "leader " + leaderEpoch[0] + " " + leader + ", follower " + followerEpoch[0] + " " + mirrored;
            Thread.sleep(500);
        }
        throw new AssertionError(
                "the follower's next signers are not the leader's: " + last + "\n" + follower.output());
    }

    private static List<String> hashes(int port) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode c : certificates(port)) out.add(c.get("hash").asText());
        Set<String> unique = new HashSet<>(out);
        assertThat(unique).hasSameSizeAs(out);
        return out;
    }

    private void verify(Map<String, String> env, int port, String verificationKey) throws Exception {
        AggregatorProcess.Result verify = AggregatorProcess.run(
                work,
                env,
                "tools",
                "verify-certificate-chain",
                "--aggregator-endpoint",
                "http://127.0.0.1:" + port + "/aggregator",
                "--genesis-verification-key",
                verificationKey);
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }
}
