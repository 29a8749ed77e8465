package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.CertificateRetrieverException;
import io.mithrilj.aggregator.certificate.CertificateVerifierException;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.certificate.VerifiedCertificateCache;
import io.mithrilj.aggregator.follower.LeaderAggregatorClient;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tools verify-certificate-chain}: walks a remote aggregator's certificate chain from its latest
 * certificate (or {@code --certificate}) to the genesis, verifying every certificate, printing one line
 * per epoch and a summary. Exit 0 when valid; 1 with the failing certificate and reason, or with a
 * one-line error for HTTP failures, timeouts and malformed JSON. It reads the aggregator as a follower reads its
 * leader ({@link LeaderAggregatorClient}, with its retries).
 */
@Command(
        name = "verify-certificate-chain",
        mixinStandardHelpOptions = true,
        description = "Verify the certificate chain of a remote aggregator down to its genesis certificate.")
public final class VerifyCertificateChainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--aggregator-endpoint",
            required = true,
            paramLabel = "URL",
            description = "Aggregator API root, e.g. https://aggregator.example/aggregator")
    String aggregatorEndpoint;

    @Option(
            names = "--genesis-verification-key",
            required = true,
            paramLabel = "KEY",
            description = "Genesis verification key (JSON-hex)")
    String genesisVerificationKey;

    @Option(
            names = "--certificate",
            paramLabel = "HASH",
            description = "Start from this certificate instead of the latest one")
    String certificateHash;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Timeout of one HTTP request in seconds; a timed out or failed request is retried twice"
                    + " (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        GenesisSignatureVerifier genesisVerifier;
        try {
            genesisVerifier = GenesisSignatureVerifier.ed25519(genesisVerificationKey.strip());
        } catch (IllegalArgumentException e) {
            err.println("Error: invalid --genesis-verification-key: " + e.getMessage());
            return 1;
        }
        LeaderAggregatorClient client;
        try {
            client = new LeaderAggregatorClient(
                    aggregatorEndpoint,
                    Duration.ofSeconds(Math.max(1, timeoutSeconds)),
                    LeaderAggregatorClient.RetryPolicy.DEFAULT,
                    LeaderAggregatorClient.DEFAULT_MAX_BODY_BYTES);
        } catch (RuntimeException e) {
            err.println("Error: invalid --aggregator-endpoint: " + e.getMessage());
            return 1;
        }
        try (client) {
            return verify(client, genesisVerifier, out, err);
        }
    }

    private int verify(
            LeaderAggregatorClient client, GenesisSignatureVerifier genesisVerifier, PrintWriter out, PrintWriter err) {
        Certificate start;
        try {
            if (certificateHash != null) {
                start = client.getCertificateDetails(certificateHash.strip());
            } else {
                Optional<Certificate> latest = client.latestCertificate();
                if (latest.isEmpty()) {
                    err.println("Error: can not retrieve the starting certificate: the aggregator at "
                            + client.endpoint() + " has no certificate yet");
                    return 1;
                }
                start = latest.get();
            }
        } catch (CertificateRetrieverException e) {
            err.println("Error: can not retrieve the starting certificate: " + e.getMessage());
            return 1;
        }
        out.println("Verifying the certificate chain of " + client.endpoint() + " from certificate " + start.hash()
                + " (epoch " + start.epoch() + ")");

        EpochPrinter printer = new EpochPrinter(out);
        CertificateChainVerifier verifier = new CertificateChainVerifier(
                client,
                StmMultiSignatureVerifier.INSTANCE,
                genesisVerifier,
                VerifiedCertificateCache.disabled(),
                CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);
        try {
            CertificateChainVerifier.ChainVerification result = verifier.verifyChain(start, printer);
            printer.flush();
            Certificate genesis = result.end();
            out.println("Certificate chain is valid: " + result.verified().size() + " certificates verified from "
                    + start.hash() + " (epoch " + start.epoch() + ") to genesis certificate " + genesis.hash()
                    + " (epoch " + genesis.epoch() + ")");
            return 0;
        } catch (CertificateVerifierException e) {
            printer.flush();
            err.println("Certificate chain is INVALID: certificate " + e.certificateHash() + ": " + e.reason());
            return 1;
        } catch (RuntimeException e) {
            printer.flush();
            err.println("Error: certificate chain verification failed unexpectedly: " + e);
            return 1;
        }
    }

    /** Collects verified certificates and prints one line per epoch. */
    private static final class EpochPrinter implements CertificateChainVerifier.Listener {
        private final PrintWriter out;
        private Epoch epoch;
        private final List<Certificate> certificates = new ArrayList<>();

        EpochPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void verified(Certificate c) {
            if (epoch != null && !epoch.equals(c.epoch())) {
                flush();
            }
            epoch = c.epoch();
            certificates.add(c);
        }

        void flush() {
            if (certificates.isEmpty()) {
                return;
            }
            StringBuilder line = new StringBuilder("Epoch ")
                    .append(epoch)
                    .append(": ")
                    .append(certificates.size())
                    .append(certificates.size() == 1 ? " certificate" : " certificates")
                    .append(" verified:");
            for (Certificate c : certificates) {
                line.append(' ')
                        .append(c.hash())
                        .append(" (")
                        .append(c.isGenesis() ? "genesis" : c.signedEntityType().variantName())
                        .append(')');
            }
            out.println(line);
            out.flush();
            certificates.clear();
        }
    }
}
