package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.CertificateFactory;
import io.mithrilj.aggregator.certificate.CertificateVerifierException;
import io.mithrilj.aggregator.certificate.GenesisCertificateProducer;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.InMemoryCertificateRetriever;
import io.mithrilj.aggregator.certificate.MultiSigner;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmClerk;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmSignatureBatcher;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.signable.SignableException;
import io.mithrilj.aggregator.protocol.signable.SignableSeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Genesis to a verified MithrilStakeDistribution certificate with five simulated pools, in memory: signers
 * register for epoch e during e − 1, the genesis certificate of e carries their AVK, they register again for
 * e + 1, and in e + 1 they sign the MSD message; the aggregate makes the certificate that chains to the genesis.
 */
class CertificationRoundTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final ProtocolParameters PARAMETERS = new ProtocolParameters(5, 100, 0.65);
    private static final Epoch E = Epoch.of(10);

    private DevnetClock clock;
    private SimulatedChain chain;
    private TestAggregator aggregator;
    private List<SimulatedSigner> signers;
    private final Ed25519SigningKey genesisKey = Ed25519SigningKey.fromSeed(new byte[32]);

    @BeforeEach
    void devnet() {
        SplittableRandom random = new SplittableRandom(2026);
        long[] stakes = ParetoStakes.CARDANO_LIKE.sample(5, random);
        List<DevnetPool> pools = DevnetPool.generateAll(stakes, 0, random);
        clock = new DevnetClock(START);
        // starts at e − 1; KES periods of 7 slots so that they move during the round
        chain = new SimulatedChain(
                new SimulatedChain.Settings(START, E.value() - 1, 30, 7, 3),
                clock,
                SimulatedChain.stakeDistributionOf(pools));
        aggregator = new TestAggregator(chain, PARAMETERS);
        SignerKeyRegistrations shared = new SignerKeyRegistrations();
        signers = pools.stream()
                .map(p -> new SimulatedSigner(p, chain, random.split(), shared))
                .toList();
    }

    /** Every signer reads the epoch settings, registers, and keeps its key once the aggregator took it. */
    private void registerAll() {
        EpochSettingsMessage settings = EpochSettingsMessage.parse(aggregator.epochSettingsJson());
        for (SimulatedSigner signer : signers) {
            SimulatedSigner.Registration registration =
                    signer.prepareRegistration(settings).orElseThrow();
            assertThat(registration.epoch()).isEqualTo(chain.epoch().next());
            TestAggregator.Registered accepted = aggregator.register(registration.json());
            assertThat(accepted.partyId()).isEqualTo(signer.partyId());
            assertThat(accepted.stake()).isEqualTo(signer.pool().stake());
            signer.registered(registration);
            // registered once per epoch, as upstream's protocol-initializer store decides
            assertThat(signer.prepareRegistration(settings)).isEmpty();
        }
    }

    private Certificate genesis;

    /** Epoch e − 1 and e (registrations, genesis), then the clock at the start of e + 1. */
    private void genesisAndRegistrations() {
        // epoch e − 1: registration for e
        clock.advance(Duration.ofSeconds(3));
        registerAll();
        assertThat(aggregator.registeredAt(E)).hasSize(5);

        // epoch e: genesis with the AVK of the signers registered for e; registration for e + 1
        clock.set(chain.startOf(E).plusSeconds(5));
        String genesisAvk =
                aggregator.closedRegistration(E).aggregateVerificationKey().toJsonHex();
        genesis = GenesisCertificateProducer.createCertificate(
                "devnet",
                E,
                genesisAvk,
                PARAMETERS,
                clock.instant(),
                clock.instant(),
                genesisKey.sign(GenesisCertificateProducer.payloadToSign(E, genesisAvk, PARAMETERS)));
        EpochSettingsMessage atE = EpochSettingsMessage.parse(aggregator.epochSettingsJson());
        assertThat(atE.currentSigners()).isEmpty();
        assertThat(signers).noneMatch(s -> s.canSign(atE));
        registerAll();

        clock.set(chain.startOf(E.next()).plusSeconds(2));
    }

    @Test
    void genesisThenAVerifiedMithrilStakeDistributionCertificate() throws Exception {
        genesisAndRegistrations();

        // epoch e + 1: the MSD open message, signed by the current signers (registered for e)
        Epoch signing = E.next();
        Instant openedAt = clock.instant();
        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(signing);
        ProtocolMessage message = aggregator.seedParts(signing);
        // the production seed (upstream's SignerBuilder: every registration re-verified at its declared KES
        // period) accepts the simulated signers' registrations and agrees with the test's own computation
        List<SignerWithStake> next = aggregator.registeredAt(signing).stream()
                .map(r -> new SignerWithStake(
                        r.partyId(),
                        r.verificationKey(),
                        Optional.of(r.verificationKeySignature()),
                        Optional.of(r.operationalCertificate()),
                        OptionalLong.of(r.kesPeriod()),
                        r.stake()))
                .toList();
        assertThat(SignableSeed.of(signing, next, aggregator.parameters()).nextAggregateVerificationKey())
                .isEqualTo(message.get(ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY)
                        .orElseThrow());
        EpochSettingsMessage settings = EpochSettingsMessage.parse(aggregator.epochSettingsJson());
        assertThat(settings.currentSigners()).hasSize(5);
        StmClosedKeyRegistration current = aggregator.closedRegistration(E);
        byte[] signedBytes = message.computeHash().getBytes(StandardCharsets.US_ASCII);
        StmClerk clerk = new StmClerk(aggregator.stmParameters(), current);
        assertThatThrownBy(() -> clerk.aggregate(List.of(), signedBytes))
                .isInstanceOf(StmException.NotEnoughSignatures.class);

        // signatures arrive one by one; the cycle that finds k indices aggregates
        List<TestAggregator.Accepted> accepted = new ArrayList<>();
        StmAggregateSignature aggregate = null;
        for (SimulatedSigner signer : signers) {
            assertThat(signer.canSign(settings)).isTrue();
            Optional<String> json = signer.prepareSignature(settings, msd, message);
            // a beacon is signed once
            assertThat(signer.prepareSignature(settings, msd, message)).isEmpty();
            if (json.isEmpty()) {
                continue; // lost every lottery: possible for a small pool
            }
            TestAggregator.Accepted a = aggregator.acceptSignature(json.get(), msd, message);
            assertThat(a.partyId()).isEqualTo(signer.partyId());
            accepted.add(a);
            try {
                aggregate = clerk.aggregate(TestAggregator.signatures(accepted), signedBytes);
                break;
            } catch (StmException.NotEnoughSignatures e) {
                assertThat(e.count()).isLessThan(PARAMETERS.k());
            }
        }
        assertThat(aggregate).as("quorum of k = 5 indices reached").isNotNull();

        assertThat(current.aggregateVerificationKey().toJsonHex()).isEqualTo(genesis.aggregateVerificationKey());

        Certificate certificate =
                aggregator.msdCertificate(genesis, signing, message, openedAt, clock.instant(), accepted, aggregate);

        CertificateChainVerifier verifier = new CertificateChainVerifier(
                new InMemoryCertificateRetriever(List.of(genesis, certificate)),
                StmMultiSignatureVerifier.INSTANCE,
                GenesisSignatureVerifier.ed25519(genesisKey.verificationKey()));
        CertificateChainVerifier.ChainVerification chainVerification = verifier.verifyChain(certificate);
        assertThat(chainVerification.verified()).containsExactly(certificate, genesis);
        assertThat(chainVerification.end()).isEqualTo(genesis);

        // the same chain under another genesis key does not verify
        CertificateChainVerifier otherKey = new CertificateChainVerifier(
                new InMemoryCertificateRetriever(List.of(genesis, certificate)),
                StmMultiSignatureVerifier.INSTANCE,
                GenesisSignatureVerifier.ed25519(Ed25519SigningKey.fromSeed(new byte[] {
                            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
                            26, 27, 28, 29, 30, 31, 32
                        })
                        .verificationKey()));
        assertThatThrownBy(() -> otherKey.verifyChain(certificate))
                .isInstanceOf(CertificateVerifierException.CertificateGenesis.class);
    }

    @Test
    void aSignatureClaimingAnIndexItDidNotWinOrSigningAnotherMessageIsRefused() throws Exception {
        genesisAndRegistrations();
        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(E.next());
        ProtocolMessage message = aggregator.seedParts(E.next());
        EpochSettingsMessage settings = EpochSettingsMessage.parse(aggregator.epochSettingsJson());
        SimulatedSigner signer =
                signers.stream().filter(s -> s.canSign(settings)).findFirst().orElseThrow();
        String json = signer.prepareSignature(settings, msd, message).orElseThrow();
        StmSingleSignature real = aggregator.acceptSignature(json, msd, message).signature();

        // claim every index below m: at least one was not won
        long[] all = java.util.stream.LongStream.range(0, PARAMETERS.m()).toArray();
        StmSingleSignature greedy = new StmSingleSignature(real.sigma(), all, real.signerIndex());
        String forged =
                SignerMessages.registerSignature(msd, signer.partyId(), greedy.toJsonHex(), all, message.computeHash());
        assertThatThrownBy(() -> aggregator.acceptSignature(forged, msd, message))
                .isInstanceOf(StmException.LotteryLost.class);

        // the signature of the MSD message is not one of another message
        ProtocolMessage other = aggregator.seedParts(E);
        String replayed = SignerMessages.registerSignature(
                msd, signer.partyId(), real.toJsonHex(), real.indexes(), other.computeHash());
        assertThatThrownBy(() -> aggregator.acceptSignature(replayed, msd, other))
                .isInstanceOf(StmException.class);
    }

    private List<SignerWithStake> signersWithStakeAt(Epoch epoch) {
        return aggregator.registeredAt(epoch).stream()
                .map(r -> new SignerWithStake(
                        r.partyId(),
                        r.verificationKey(),
                        Optional.of(r.verificationKeySignature()),
                        Optional.of(r.operationalCertificate()),
                        OptionalLong.of(r.kesPeriod()),
                        r.stake()))
                .toList();
    }

    @Test
    void theMultiSignerChecksSingleSignaturesAggregatesAtQuorumAndTheFactoryCertificateChainsToTheGenesis()
            throws Exception {
        genesisAndRegistrations();
        Epoch signing = E.next();
        Instant openedAt = clock.instant();
        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(signing);
        ProtocolMessage message = aggregator.seedParts(signing);
        String signed = message.computeHash();
        EpochSettingsMessage settings = EpochSettingsMessage.parse(aggregator.epochSettingsJson());
        List<SignerWithStake> current = signersWithStakeAt(E);

        assertThatThrownBy(() -> MultiSigner.of(List.of(), PARAMETERS))
                .isInstanceOf(SignableException.class)
                .hasMessage(SignableSeed.NO_SIGNERS);
        MultiSigner multiSigner = MultiSigner.of(current, PARAMETERS);
        assertThat(multiSigner.aggregateVerificationKeyJsonHex()).isEqualTo(genesis.aggregateVerificationKey());
        assertThat(multiSigner.aggregate(List.of(), signed)).isEmpty();

        List<TestAggregator.Accepted> accepted = new ArrayList<>();
        StmAggregateSignature aggregate = null;
        for (SimulatedSigner signer : signers) {
            Optional<String> json = signer.prepareSignature(settings, msd, message);
            if (json.isEmpty()) {
                continue;
            }
            TestAggregator.Accepted a = aggregator.acceptSignature(json.get(), msd, message);
            multiSigner.verifySingleSignature(signed, a.partyId(), a.signature());
            accepted.add(a);
            Optional<StmAggregateSignature> result = multiSigner.aggregate(TestAggregator.signatures(accepted), signed);
            if (result.isPresent()) {
                aggregate = result.get();
                break;
            }
            long indices = accepted.stream()
                    .flatMapToLong(x -> java.util.Arrays.stream(x.signature().indexes()))
                    .distinct()
                    .count();
            assertThat(indices)
                    .as("below quorum: fewer than k distinct indices")
                    .isLessThan(PARAMETERS.k());
        }
        assertThat(aggregate).as("quorum of k = 5 indices reached").isNotNull();
        aggregate.verify(
                signed.getBytes(StandardCharsets.US_ASCII),
                multiSigner.aggregateVerificationKey(),
                aggregator.stmParameters());

        // refusals, each with its own error
        TestAggregator.Accepted first = accepted.get(0);
        StmSingleSignature real = first.signature();
        String otherMessage = aggregator.seedParts(E).computeHash();
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(otherMessage, first.partyId(), real))
                .isInstanceOf(MultiSigner.SingleSignatureException.class)
                .hasMessageStartingWith("Invalid signature for party: '" + first.partyId() + "'")
                .hasCauseInstanceOf(StmException.SignatureInvalid.class);
        long otherIndex = (real.signerIndex() + 1) % current.size();
        StmSingleSignature asAnother = new StmSingleSignature(real.sigma(), real.indexes(), otherIndex);
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(
                        signed, current.get((int) otherIndex).partyId(), asAnother))
                .as("another signer's index: not its party, or not its signature")
                .isInstanceOf(MultiSigner.SingleSignatureException.class);
        long[] all = java.util.stream.LongStream.range(0, PARAMETERS.m()).toArray();
        StmSingleSignature greedy = new StmSingleSignature(real.sigma(), all, real.signerIndex());
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(signed, first.partyId(), greedy))
                .isInstanceOf(MultiSigner.SingleSignatureException.class)
                .hasCauseInstanceOf(StmException.LotteryLost.class);
        StmSingleSignature outOfBound =
                new StmSingleSignature(real.sigma(), new long[] {PARAMETERS.m() + 1}, real.signerIndex());
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(signed, first.partyId(), outOfBound))
                .isInstanceOf(MultiSigner.SingleSignatureException.class)
                .hasCauseInstanceOf(StmException.IndexBoundFailed.class);
        // the batched check (the API's) gives the same answers, error for error
        StmSignatureBatcher batcher = new StmSignatureBatcher(1, 8, Runnable::run);
        for (TestAggregator.Accepted a : accepted) {
            multiSigner.verifySingleSignature(signed, a.partyId(), a.signature(), batcher);
        }
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(otherMessage, first.partyId(), real, batcher))
                .isInstanceOf(MultiSigner.SingleSignatureException.class)
                .hasCauseInstanceOf(StmException.SignatureInvalid.class);
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(signed, first.partyId(), greedy, batcher))
                .hasCauseInstanceOf(StmException.LotteryLost.class);
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(signed, first.partyId(), outOfBound, batcher))
                .hasCauseInstanceOf(StmException.IndexBoundFailed.class);
        StmSingleSignature unregistered = new StmSingleSignature(real.sigma(), real.indexes(), current.size());
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(signed, "pool1unknown", unregistered))
                .isInstanceOf(MultiSigner.SingleSignatureException.class)
                .hasMessageStartingWith("Unregistered party: 'pool1unknown'");
        // beyond upstream: a signature is refused when it claims to come from another registered party than its own
        String someoneElse = current.stream()
                .map(SignerWithStake::partyId)
                .filter(p -> !p.equals(first.partyId()))
                .findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> multiSigner.verifySingleSignature(signed, someoneElse, real))
                .isInstanceOf(MultiSigner.SingleSignatureException.class)
                .hasMessageStartingWith("Unregistered party: '" + someoneElse + "'");

        Set<String> contributors =
                accepted.stream().map(TestAggregator.Accepted::partyId).collect(Collectors.toSet());
        Certificate certificate = CertificateFactory.standard(
                genesis.hash(),
                signing,
                "devnet",
                PARAMETERS,
                openedAt,
                clock.instant(),
                current,
                contributors,
                message,
                multiSigner.aggregateVerificationKeyJsonHex(),
                msd,
                aggregate.toJsonHex());
        // the same certificate as the test aggregator's own construction
        assertThat(certificate.hash())
                .isEqualTo(aggregator
                        .msdCertificate(
                                genesis,
                                signing,
                                message,
                                openedAt,
                                certificate.metadata().sealedAt(),
                                accepted,
                                aggregate)
                        .hash());
        CertificateChainVerifier verifier = new CertificateChainVerifier(
                new InMemoryCertificateRetriever(List.of(genesis, certificate)),
                StmMultiSignatureVerifier.INSTANCE,
                GenesisSignatureVerifier.ed25519(genesisKey.verificationKey()));
        assertThat(verifier.verifyChain(certificate).verified()).containsExactly(certificate, genesis);
    }
}
