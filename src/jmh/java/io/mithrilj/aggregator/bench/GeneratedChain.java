package io.mithrilj.aggregator.bench;

import io.mithrilj.aggregator.certificate.GenesisCertificateProducer;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmClerk;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmInitializer;
import io.mithrilj.aggregator.crypto.stm.StmKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmParameters;
import io.mithrilj.aggregator.crypto.stm.StmSigner;
import io.mithrilj.aggregator.crypto.stm.StmSigningKey;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateMetadata;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistributionParty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Random;

/**
 * A deterministic, valid certificate chain signed with real STM multi-signatures: one genesis, then
 * {@code perEpoch} certificates per epoch, each chained to the previous one. One signer set (one AVK)
 * for all epochs; the certificates of an epoch share its protocol message and so its multi-signature
 * (the verifier still checks each certificate in full).
 */
final class GeneratedChain {
    /** Mainnet protocol parameters. */
    static final ProtocolParameters MAINNET = new ProtocolParameters(2422, 20973, 0.2);

    final List<Certificate> certificates; // genesis first
    final String genesisVerificationKey;

    private GeneratedChain(List<Certificate> certificates, String genesisVerificationKey) {
        this.certificates = certificates;
        this.genesisVerificationKey = genesisVerificationKey;
    }

    Certificate latest() {
        return certificates.getLast();
    }

    static GeneratedChain generate(int total, int perEpoch, int signers, ProtocolParameters params, long seed)
            throws Exception {
        Random random = new Random(seed);
        StmParameters stmParams = new StmParameters(params.m(), params.k(), params.phiF());
        List<StmInitializer> initializers = new ArrayList<>();
        StmKeyRegistration registration = new StmKeyRegistration();
        List<StakeDistributionParty> parties = new ArrayList<>();
        for (int i = 0; i < signers; i++) {
            byte[] ikm = new byte[32];
            random.nextBytes(ikm);
            long stake = 1_000_000_000L + random.nextInt(1_000_000_000);
            StmInitializer init = new StmInitializer(stmParams, stake, StmSigningKey.fromSeed(ikm));
            initializers.add(init);
            registration.register(stake, init.verificationKeyPoP());
            parties.add(new StakeDistributionParty("pool" + i, stake));
        }
        StmClosedKeyRegistration closed = registration.close();
        List<StmSigner> stmSigners = new ArrayList<>();
        for (StmInitializer init : initializers) {
            stmSigners.add(init.createSigner(closed));
        }
        StmClerk clerk = new StmClerk(stmParams, closed);
        String avk = closed.aggregateVerificationKey().toJsonHex();

        Ed25519SigningKey genesisKey = Ed25519SigningKey.deterministicTestKey();
        Epoch epoch = new Epoch(100);
        Instant t = Instant.parse("2026-01-01T00:00:00.000000001Z");
        List<Certificate> chain = new ArrayList<>(total);
        Certificate genesis = GenesisCertificateProducer.createCertificate("mainnet", epoch, avk, params, t, t,
                genesisKey.sign(GenesisCertificateProducer.payloadToSign(epoch, avk, params)));
        chain.add(genesis);
        Certificate previous = genesis;
        while (chain.size() < total) {
            epoch = epoch.next();
            EnumMap<ProtocolMessagePartKey, String> parts = new EnumMap<>(ProtocolMessagePartKey.class);
            parts.put(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY, avk);
            parts.put(ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS, params.computeHash());
            parts.put(ProtocolMessagePartKey.CURRENT_EPOCH, epoch.toString());
            ProtocolMessage message = ProtocolMessage.of(parts);
            String signedMessage = message.computeHash();
            byte[] toSign = signedMessage.getBytes(StandardCharsets.US_ASCII);
            List<StmSingleSignature> singles = new ArrayList<>();
            for (StmSigner s : stmSigners) {
                s.sign(toSign).ifPresent(singles::add);
            }
            StmAggregateSignature aggregate = clerk.aggregate(singles, toSign);
            String multi = aggregate.toJsonHex();
            for (int i = 0; i < perEpoch && chain.size() < total; i++) {
                t = t.plusSeconds(60).plusNanos(123);
                CertificateMetadata metadata = new CertificateMetadata("mainnet", CertificateMetadata.PROTOCOL_VERSION,
                        params, t, t.plusNanos(1000), parties);
                Certificate c = new Certificate("", previous.hash(), epoch, metadata, message, signedMessage, avk,
                        new CertificateSignature.Multi(new SignedEntityType.MithrilStakeDistribution(epoch), multi))
                        .withComputedHash();
                chain.add(c);
                previous = c;
            }
        }
        return new GeneratedChain(List.copyOf(chain), genesisKey.verificationKey().toJsonHex());
    }

    /**
     * Loads the chain from {@code target/bench/} or generates and saves it there (one certificate JSON
     * per line after a first line holding the genesis verification key).
     */
    static GeneratedChain loadOrGenerate(int total, int perEpoch, int signers) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "bench",
                "generated-chain-" + total + "-" + perEpoch + "-" + signers + ".jsonl");
        if (java.nio.file.Files.exists(file)) {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            List<Certificate> certs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                certs.add(io.mithrilj.aggregator.protocol.json.CertificateJson.readCertificate(line));
            }
            return new GeneratedChain(List.copyOf(certs), lines.getFirst());
        }
        GeneratedChain chain = generate(total, perEpoch, signers, MAINNET, 42);
        java.nio.file.Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add(chain.genesisVerificationKey);
        for (Certificate c : chain.certificates) {
            lines.add(io.mithrilj.aggregator.protocol.json.CertificateJson.writeCertificate(c));
        }
        java.nio.file.Files.write(file, lines);
        return chain;
    }

    /** Times generation and one verification walk: {@code java ... GeneratedChain [total perEpoch signers]}. */
    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int perEpoch = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int signers = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long t0 = System.nanoTime();
        GeneratedChain chain = generate(total, perEpoch, signers, MAINNET, 42);
        long t1 = System.nanoTime();
        System.out.printf("generated %d certificates (%d signers) in %.1f s%n", total, signers, (t1 - t0) / 1e9);
        var verifier = Benchmarks.verifier(chain.certificates, chain.genesisVerificationKey);
        for (int round = 0; round < 3; round++) {
            long a = System.nanoTime();
            var r = verifier.verifyChain(chain.latest());
            long b = System.nanoTime();
            System.out.printf("walk: %d certificates in %.3f s = %.1f certificates/s%n", r.verified().size(), (b - a) / 1e9,
                    r.verified().size() / ((b - a) / 1e9));
        }
    }
}
