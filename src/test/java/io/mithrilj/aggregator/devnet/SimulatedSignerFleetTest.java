package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mithrilj.aggregator.certificate.CertificateChainVerifier;
import io.mithrilj.aggregator.certificate.GenesisCertificateProducer;
import io.mithrilj.aggregator.certificate.GenesisSignatureVerifier;
import io.mithrilj.aggregator.certificate.InMemoryCertificateRetriever;
import io.mithrilj.aggregator.certificate.StmMultiSignatureVerifier;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.stm.StmAggregateSignature;
import io.mithrilj.aggregator.crypto.stm.StmClerk;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The devnet signers over HTTP against a test aggregator (a JDK server on a free port in front of
 * {@link TestAggregator}): registrations, a closed round (550), an unstaked pool, then the MSD of e + 1 signed
 * through {@code POST /register-signatures} and certified on top of the genesis.
 */
class SimulatedSignerFleetTest {
    private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    private static final ProtocolParameters PARAMETERS = new ProtocolParameters(5, 100, 0.65);
    private static final Epoch E = Epoch.of(4);

    private final AtomicBoolean roundOpen = new AtomicBoolean(true);
    private final AtomicReference<SimulatedSignerFleet.Beacon> openMessage = new AtomicReference<>();
    private final List<TestAggregator.Accepted> accepted = new CopyOnWriteArrayList<>();
    private final List<String> buffered = new CopyOnWriteArrayList<>();

    private DevnetClock clock;
    private SimulatedChain chain;
    private TestAggregator aggregator;
    private HttpServer server;
    private SimulatedSignerFleet fleet;
    private DevnetPool unstaked;

    @BeforeEach
    void start() throws IOException {
        SplittableRandom random = new SplittableRandom(77);
        List<DevnetPool> pools = DevnetPool.generateAll(ParetoStakes.CARDANO_LIKE.sample(5, random), 0, random);
        unstaked = DevnetPool.generate(1, 0, random);
        clock = new DevnetClock(START);
        chain = new SimulatedChain(
                new SimulatedChain.Settings(START, E.value() - 1, 30, 10, 3),
                clock,
                SimulatedChain.stakeDistributionOf(pools));
        aggregator = new TestAggregator(chain, PARAMETERS);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/aggregator/", this::handle);
        server.start();
        AggregatorClient client = new AggregatorClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/aggregator"));
        SignerKeyRegistrations shared = new SignerKeyRegistrations();
        fleet = new SimulatedSignerFleet(
                Stream.concat(pools.stream(), Stream.of(unstaked))
                        .map(p -> new SimulatedSigner(p, chain, random.split(), shared))
                        .toList(),
                client);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The routes of the test aggregator; single-threaded (the JDK server's default), so the helper needs no lock. */
    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String route = exchange.getRequestURI().getPath().substring("/aggregator/".length());
        int status;
        String answer = "";
        try {
            switch (route) {
                case "epoch-settings" -> {
                    status = 200;
                    answer = aggregator.epochSettingsJson();
                }
                case "register-signer" -> {
                    if (roundOpen.get()) {
                        aggregator.register(body);
                        status = 201;
                    } else {
                        status = 550;
                        answer =
                                "{\"message\":\"a signer registration round is not opened yet, please try again later\"}";
                    }
                }
                case "register-signatures" -> {
                    SimulatedSignerFleet.Beacon open = openMessage.get();
                    if (open == null) {
                        buffered.add(body);
                        status = 202;
                    } else {
                        accepted.add(aggregator.acceptSignature(body, open.signedEntityType(), open.protocolMessage()));
                        status = 201;
                    }
                }
                default -> status = 404;
            }
        } catch (Exception e) {
            status = 400;
            answer = "{\"label\":\"test aggregator\",\"message\":\"" + e.getMessage() + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void signersRegisterAndSignOverHttpUntilACertificateChainsToTheGenesis() throws Exception {
        // e − 1, round closed: every staked signer is told to come back; the unstaked one fails alone
        roundOpen.set(false);
        SimulatedSignerFleet.CycleReport closed = fleet.cycle(List.of());
        assertThat(closed.epoch()).isEqualTo(E.minus(1));
        assertThat(closed.roundNotOpened()).isEqualTo(5);
        assertThat(closed.registered()).isZero();
        assertThat(closed.failures())
                .singleElement()
                .asString()
                .startsWith(unstaked.partyId() + ": registration: No stake associated with myself");

        roundOpen.set(true);
        assertThat(fleet.cycle(List.of()).registered()).isEqualTo(5);
        assertThat(fleet.cycle(List.of()).registered())
                .as("registered once per epoch")
                .isZero();

        // e: genesis over the signers registered for e; registrations for e + 1
        clock.set(chain.startOf(E).plusSeconds(1));
        Ed25519SigningKey genesisKey = Ed25519SigningKey.fromSeed(new byte[32]);
        String avk = aggregator.closedRegistration(E).aggregateVerificationKey().toJsonHex();
        Certificate genesis = GenesisCertificateProducer.createCertificate(
                "devnet",
                E,
                avk,
                PARAMETERS,
                clock.instant(),
                clock.instant(),
                genesisKey.sign(GenesisCertificateProducer.payloadToSign(E, avk, PARAMETERS)));
        assertThat(fleet.cycle(List.of()).registered()).isEqualTo(5);

        // e + 1: a signature sent before the open message exists is buffered (202), then the open message
        Epoch signing = E.next();
        clock.set(chain.startOf(signing).plusSeconds(1));
        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(signing);
        ProtocolMessage message = aggregator.seedParts(signing);
        SimulatedSignerFleet.Beacon beacon = new SimulatedSignerFleet.Beacon(msd, message);
        Instant openedAt = clock.instant();
        openMessage.set(beacon);
        SimulatedSignerFleet.CycleReport signed = fleet.cycle(List.of(beacon));
        assertThat(signed.failures()).hasSize(1); // the unstaked pool, again
        assertThat(signed.signaturesSent()).isEqualTo(accepted.size()).isPositive();
        assertThat(fleet.cycle(List.of(beacon)).signaturesSent())
                .as("a beacon is signed once")
                .isZero();
        assertThat(buffered).isEmpty();

        StmAggregateSignature aggregate = new StmClerk(aggregator.stmParameters(), aggregator.closedRegistration(E))
                .aggregate(
                        TestAggregator.signatures(accepted),
                        message.computeHash().getBytes(StandardCharsets.US_ASCII));
        Certificate certificate =
                aggregator.msdCertificate(genesis, signing, message, openedAt, clock.instant(), accepted, aggregate);
        assertThat(new CertificateChainVerifier(
                                new InMemoryCertificateRetriever(List.of(genesis, certificate)),
                                StmMultiSignatureVerifier.INSTANCE,
                                GenesisSignatureVerifier.ed25519(genesisKey.verificationKey()))
                        .verifyChain(certificate)
                        .verified())
                .containsExactly(certificate, genesis);
    }
}
