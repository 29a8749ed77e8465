package io.mithrilj.aggregator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.testing.UpstreamReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerifyCertificateChainCommandTest {
    static final String MASTER_10 = "206253bf06d8ef81b898f0d103790ffc3f8360df9a5e1a018119560af7680754";
    static final String MASTER_9 = "a256d3c9743f6a4ddcb8ab0d6b4ab26e2205492d371cc5870a3683df98adb140";
    static final String CSD_11 = "0188b5cb4ad604d3c000099d799ab6c85b38624d947eb99fb49d527bfeec8173";

    FakeAggregator aggregator;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        aggregator = new FakeAggregator();
    }

    @AfterEach
    void stop() {
        aggregator.close();
    }

    Run run(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--aggregator-endpoint",
                aggregator.endpoint(),
                "--genesis-verification-key",
                UpstreamReference.GENESIS_VERIFICATION_KEY));
        args.addAll(List.of(extra));
        return runRaw(args.toArray(String[]::new));
    }

    static Run runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new VerifyCertificateChainCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void validChainFromLatest() {
        Run r = run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Certificate chain is valid: 12 certificates"), r.out());
        assertTrue(r.out().contains(Fixtures.LATEST) && r.out().contains(Fixtures.GENESIS), r.out());
        assertEquals(11, r.out().lines().filter(l -> l.startsWith("Epoch ")).count(), r.out());
        assertTrue(r.out().contains("Epoch 18: 2 certificates verified"), r.out());
        assertTrue(r.out().contains("Epoch 8: 1 certificate verified: " + Fixtures.GENESIS + " (genesis)"), r.out());
        assertTrue(r.err().isEmpty(), r.err());
        assertTrue(aggregator.apiVersions.stream().allMatch("0.1.57"::equals), aggregator.apiVersions.toString());
    }

    @Test
    void validChainFromGivenCertificate() {
        Run r = run("--certificate", CSD_11);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("from " + CSD_11 + " (epoch 11)"), r.out());
    }

    @Test
    void tamperedAncestorNamesTheCertificate() throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(Fixtures.certificateJson(MASTER_10));
        ((ObjectNode) node.get("metadata")).put("network", "mainnet");
        aggregator.certificates.put(MASTER_10, node.toString());
        Run r = run();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("certificate " + MASTER_10 + ": certificate hash unmatch error"), r.err());
        assertTrue(r.out().contains("Epoch 11:"), r.out()); // progress printed up to the failure
    }

    @Test
    void wrongGenesisKeyNamesTheGenesis() {
        Run r = runRaw(
                "--aggregator-endpoint",
                aggregator.endpoint(),
                "--genesis-verification-key",
                Ed25519SigningKey.generate().verificationKey().toJsonHex());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("certificate " + Fixtures.GENESIS + ": certificate genesis error"), r.err());
    }

    @Test
    void serverErrorOnListIsOneClearLine() {
        aggregator.overrides.put("/certificates", new Object[] {500, "{\"label\":\"boom\"}"});
        Run r = run();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("HTTP 500"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void serverErrorOnParentNamesTheChild() {
        aggregator.overrides.put("/certificate/" + MASTER_9, new Object[] {500, "oops"});
        Run r = run();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("certificate " + MASTER_10 + ": Can not retrieve previous certificate"), r.err());
        assertTrue(r.err().contains("HTTP 500"), r.err());
    }

    @Test
    void missingParentIs404() {
        aggregator.certificates.remove(MASTER_9);
        Run r = run();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Certificate does not exist: '" + MASTER_9 + "'"), r.err());
    }

    @Test
    void timeoutIsOneClearLine() {
        aggregator.delayMillis = 2500;
        Run r = run("--timeout", "1");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("timed out after 1 s"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void malformedJsonIsOneClearLine() {
        aggregator.certificates.put(Fixtures.LATEST, "{\"hash\": \"ac34");
        Run r = run();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("malformed certificate"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        aggregator.overrides.put("/certificates", new Object[] {200, "[{]"});
        Run r2 = run();
        assertEquals(1, r2.exit());
        assertTrue(r2.err().contains("malformed certificate list"), r2.err());
    }

    @Test
    void emptyListAndUnreachableAggregator() {
        aggregator.list = "[]";
        Run r = run();
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("has no certificate yet"), r.err());
        String endpoint = aggregator.endpoint();
        aggregator.close();
        Run r2 = runRaw(
                "--aggregator-endpoint",
                endpoint,
                "--genesis-verification-key",
                UpstreamReference.GENESIS_VERIFICATION_KEY);
        assertEquals(1, r2.exit());
        assertTrue(r2.err().startsWith("Error: can not retrieve the starting certificate: GET "), r2.err());
    }

    @Test
    void invalidGenesisKeyAndMissingOptions() {
        Run r = runRaw("--aggregator-endpoint", aggregator.endpoint(), "--genesis-verification-key", "zz");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("invalid --genesis-verification-key"), r.err());
        Run usage = runRaw("--aggregator-endpoint", aggregator.endpoint());
        assertFalse(usage.exit() == 0);
    }
}
