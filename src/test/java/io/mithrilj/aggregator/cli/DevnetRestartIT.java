package io.mithrilj.aggregator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged devnet stopped and started again, gracefully and with {@code kill -9} while it certifies: it resumes
 * where it was (same genesis, no epoch without its certificates, every certificate with its artifact and no artifact
 * without its certificate), and the chain verifies with {@code tools verify-certificate-chain}.
 */
class DevnetRestartIT {

    @TempDir
    Path work;

    private int port;
    private Map<String, String> env;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private String api() {
        return "http://127.0.0.1:" + port + "/aggregator";
    }

    private void setUp() throws IOException {
        port = freePort();
        env = new HashMap<>(Map.of(
                "SERVER_PORT", Integer.toString(port),
                "DEVNET_EPOCH_LENGTH_SECONDS", "10",
                "RUN_INTERVAL", "1000"));
    }

    /** The epochs of the MithrilStakeDistribution certificates served now. */
    private Set<Long> certifiedEpochs() throws Exception {
        JsonNode list =
                MessageJson.parse(AggregatorProcess.get(api() + "/certificates").body());
        Set<Long> epochs = new TreeSet<>();
        for (JsonNode c : list) {
            if (c.get("signed_entity_type").has("MithrilStakeDistribution"))
                epochs.add(c.get("epoch").asLong());
        }
        return epochs;
    }

    private Set<Long> awaitCertifiedEpochs(AggregatorProcess p, int atLeast, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Set<Long> epochs = Set.of();
        while (System.nanoTime() < end) {
            try {
                epochs = certifiedEpochs();
                if (epochs.size() >= atLeast) return epochs;
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.process.isAlive()) throw new AssertionError("service exited:\n" + p.output());
            Thread.sleep(250);
        }
        throw new AssertionError("only " + epochs + " certified after " + timeout + ":\n" + p.output());
    }

    /** certificate hash → type, for the certificates of a list message (genesis certificates left out). */
    private Map<String, String> certificatesByHash() throws Exception {
        Map<String, String> byHash = new HashMap<>();
        for (JsonNode c :
                MessageJson.parse(AggregatorProcess.get(api() + "/certificates").body())) {
            if (c.get("previous_hash").asText().isEmpty()) continue;
            String type = c.get("signed_entity_type").fieldNames().next();
            // the stake distributions' artifacts are stored with their certificate; the Cardano database ones after
            // it, in the background (checked apart)
            if (type.endsWith("StakeDistribution")) byHash.put(c.get("hash").asText(), type);
        }
        return byHash;
    }

    /** certificate hash of each artifact of both stake distribution types → type. */
    private Map<String, String> artifactsByCertificate() throws Exception {
        Map<String, String> byCertificate = new HashMap<>();
        for (String[] route : new String[][] {
            {"mithril-stake-distributions", "MithrilStakeDistribution"},
            {"cardano-stake-distributions", "CardanoStakeDistribution"}
        }) {
            for (JsonNode a : MessageJson.parse(
                    AggregatorProcess.get(api() + "/artifact/" + route[0]).body())) {
                String previous = byCertificate.put(a.get("certificate_hash").asText(), route[1]);
                assertThat(previous).as("one artifact per certificate").isNull();
            }
        }
        return byCertificate;
    }

    /**
     * Contiguous epochs with an MSD certificate; every certificate with its artifact of its type and every artifact
     * with its certificate (once the last epoch's CSD certificate is made); the chain verifies.
     */
    private void assertConsistentChain() throws Exception {
        Set<Long> epochs = certifiedEpochs();
        long first = epochs.iterator().next();
        long last = ((TreeSet<Long>) epochs).last();
        assertThat(epochs).as("no epoch without its certificate").hasSize((int) (last - first + 1));
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, String> certificates = certificatesByHash();
        while (!certificates.containsValue("CardanoStakeDistribution") && System.nanoTime() < end) {
            Thread.sleep(250);
            certificates = certificatesByHash();
        }
        Map<String, String> artifacts = artifactsByCertificate();
        // an artifact listed after its certificate: read both again if a certificate was made in between
        if (!artifacts.keySet().containsAll(certificates.keySet())) {
            Thread.sleep(500);
            artifacts = artifactsByCertificate();
            certificates = certificatesByHash();
        }
        assertThat(artifacts)
                .as("every certificate has its artifact, every artifact its certificate")
                .containsAllEntriesOf(certificates);
        assertThat(certificates).containsAllEntriesOf(artifacts);
        assertThat(artifacts).containsValue("CardanoStakeDistribution");
        // every Cardano database artifact refers to a certificate of its type (built after it, never without it)
        for (String[] route :
                new String[][] {{"cardano-database", "CardanoDatabase"}, {"snapshots", "CardanoImmutableFilesFull"}}) {
            for (JsonNode a : MessageJson.parse(
                    AggregatorProcess.get(api() + "/artifact/" + route[0]).body())) {
                JsonNode certificate = MessageJson.parse(AggregatorProcess.get(api() + "/certificate/"
                                + a.get("certificate_hash").asText())
                        .body());
                assertThat(certificate.get("signed_entity_type").has(route[1]))
                        .as("certificate of %s %s", route[1], a)
                        .isTrue();
            }
        }
        String genesisKey = Files.readString(work.resolve("stores/genesis.vk")).trim();
        AggregatorProcess.Result verify = AggregatorProcess.run(
                work,
                env,
                "tools",
                "verify-certificate-chain",
                "--aggregator-endpoint",
                api(),
                "--genesis-verification-key",
                genesisKey);
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }

    @Test
    void aGracefulRestartResumesTheChain() throws Exception {
        setUp();
        Set<Long> before;
        String genesis;
        try (AggregatorProcess first = AggregatorProcess.start(work, env, "-vv", "serve")) {
            before = awaitCertifiedEpochs(first, 2, Duration.ofSeconds(120));
            // and digests computed (the Cardano database types come after the stake distributions in an epoch)
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (MessageJson.parse(AggregatorProcess.get(api() + "/artifact/cardano-database/digests")
                                    .body())
                            .isEmpty()
                    && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            genesis = AggregatorProcess.get(api() + "/certificate/genesis").body();
            assertThat(first.stop()).isEqualTo(143);
        }
        // the restart also empties the immutable file digest cache the first run filled (the devnet signs the Cardano
        // database types by default): the digests are computed again
        Map<String, String> reset = new HashMap<>(env);
        reset.put("RESET_DIGESTS_CACHE", "true");
        try (AggregatorProcess second = AggregatorProcess.start(work, reset, "-vv", "serve")) {
            Set<Long> after = awaitCertifiedEpochs(second, before.size() + 2, Duration.ofSeconds(120));
            assertThat(second.output())
                    .containsPattern(
                            "immutable file digest cache emptied \\(RESET_DIGESTS_CACHE\\): [1-9][0-9]* digests"
                                    + " removed");
            assertThat(after).containsAll(before);
            assertThat(AggregatorProcess.get(api() + "/certificate/genesis").body())
                    .isEqualTo(genesis);
            assertConsistentChain();
            assertThat(second.output()).doesNotContain("\"level\":\"ERROR\"");
            second.stop();
        }
    }

    @Test
    void killedWhileCertifyingItLeavesNothingHalfWrittenAndResumes() throws Exception {
        setUp();
        Set<Long> certified = Set.of();
        // three kill -9 at different points of an epoch, each time once the service certifies again
        for (int kill = 0; kill < 3; kill++) {
            try (AggregatorProcess p = AggregatorProcess.start(work, env, "-vv", "serve")) {
                certified = awaitCertifiedEpochs(p, certified.size() + 1, Duration.ofSeconds(120));
                Thread.sleep(700L * (kill + 1));
                p.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
                p.process.waitFor();
            }
        }
        try (AggregatorProcess last = AggregatorProcess.start(work, env, "-vv", "serve")) {
            awaitCertifiedEpochs(last, certified.size() + 1, Duration.ofSeconds(120));
            assertConsistentChain();
            last.stop();
        }
    }
}
