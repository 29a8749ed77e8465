package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.crypto.stm.StmVerificationKeyPoP;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedSignerTest {
    private static final Instant START = Instant.parse("2026-02-01T00:00:00Z");
    private static final ProtocolParameters PARAMETERS = new ProtocolParameters(3, 50, 0.8);

    private DevnetClock clock;
    private SimulatedChain chain;
    private DevnetPool pool;
    private SimulatedSigner signer;

    @BeforeEach
    void setUp() {
        clock = new DevnetClock(START);
        pool = DevnetPool.generate(1_000_000, 100, new SplittableRandom(11));
        chain = new SimulatedChain(
                new SimulatedChain.Settings(START, 20, 30, 5, 3), clock, Map.of(pool.partyId(), pool.stake()));
        signer = new SimulatedSigner(pool, chain, new SplittableRandom(12), new SignerKeyRegistrations());
    }

    private static EpochSettingsMessage settings(long epoch) {
        return EpochSettingsMessage.parse("{\"epoch\":" + epoch + ",\"signer_registration_protocol\":"
                + CertificateJson.write(PARAMETERS) + ",\"current_signers\":[],\"next_signers\":[]}");
    }

    @Test
    void registersForTheNextEpochWithTheFieldsOfARealSigner() throws Exception {
        clock.set(chain.startOf(Epoch.of(21)).plusSeconds(17)); // slot 647, KES period 129, opcert from 100
        SimulatedSigner.Registration registration =
                signer.prepareRegistration(settings(21)).orElseThrow();

        JsonNode json = CertificateJson.parse(registration.json());
        Iterator<String> names = json.fieldNames();
        assertThat(List.of(names.next(), names.next(), names.next(), names.next(), names.next(), names.next()))
                .containsExactly(
                        "epoch",
                        "party_id",
                        "verification_key",
                        "verification_key_signature",
                        "operational_certificate",
                        "kes_period");
        assertThat(names.hasNext()).isFalse();
        assertThat(registration.epoch()).isEqualTo(Epoch.of(22));
        assertThat(json.get("epoch").longValue()).isEqualTo(22);
        assertThat(json.get("party_id").textValue()).isEqualTo(pool.partyId());
        assertThat(json.get("kes_period").longValue()).isEqualTo(29);
        assertThat(OperationalCertificate.decode(
                        json.get("operational_certificate").textValue()))
                .isEqualTo(pool.operationalCertificate());

        // as the aggregator checks it: KES signature at the chain's period, key with a valid proof of possession
        var authenticated = SignerRegistrationAuthenticator.authenticate(
                json.get("verification_key").textValue(),
                json.get("verification_key_signature").textValue(),
                json.get("operational_certificate").textValue(),
                chain.currentKesPeriod().orElseThrow());
        assertThat(authenticated.partyId()).isEqualTo(pool.partyId());
        assertThat(authenticated.verifiedAtEvolution()).isEqualTo(29);
        StmVerificationKeyPoP.decode(json.get("verification_key").textValue()).verifyProofOfPossession();
    }

    @Test
    void registersOncePerEpochOnlyAfterTheAggregatorAcceptedAndWithAFreshKeyEachEpoch() {
        SimulatedSigner.Registration first =
                signer.prepareRegistration(settings(20)).orElseThrow();
        SimulatedSigner.Registration retried =
                signer.prepareRegistration(settings(20)).orElseThrow();
        // not accepted yet: prepared again, with a new STM key as upstream builds a new initializer
        assertThat(retried.json()).isNotEqualTo(first.json());

        signer.registered(retried);
        assertThat(signer.prepareRegistration(settings(20))).isEmpty();

        SimulatedSigner.Registration next =
                signer.prepareRegistration(settings(21)).orElseThrow();
        assertThat(next.epoch()).isEqualTo(Epoch.of(22));
        assertThat(verificationKey(next)).isNotEqualTo(verificationKey(retried));
    }

    @Test
    void waitsWhileTheAggregatorIsBehindTheChain() {
        clock.set(chain.startOf(Epoch.of(22)));
        assertThat(signer.prepareRegistration(settings(21))).isEmpty();
        assertThat(signer.prepareRegistration(settings(22))).isPresent();
    }

    @Test
    void renewsItsKesKeyBeforeItExpires() {
        // KES period 300 = 200 evolutions of the pool's certificate, which starts at 100
        clock.set(chain.startOf(Epoch.of(50)));
        SimulatedSigner.Registration registration =
                signer.prepareRegistration(settings(50)).orElseThrow();

        JsonNode json = CertificateJson.parse(registration.json());
        OperationalCertificate opcert = OperationalCertificate.decode(
                json.get("operational_certificate").textValue());
        assertThat(opcert.issueNumber()).isEqualTo(1);
        assertThat(opcert.startKesPeriod()).isEqualTo(300);
        assertThat(json.get("kes_period").longValue()).isZero();
        assertThat(signer.pool().partyId()).isEqualTo(pool.partyId());
        assertThat(SignerRegistrationAuthenticator.authenticate(
                                json.get("verification_key").textValue(),
                                json.get("verification_key_signature").textValue(),
                                json.get("operational_certificate").textValue(),
                                300)
                        .partyId())
                .isEqualTo(pool.partyId());
    }

    @Test
    void aPoolWithoutStakeCannotRegister() {
        SimulatedChain empty = new SimulatedChain(new SimulatedChain.Settings(START, 20, 30, 5, 3), clock, Map.of());
        SimulatedSigner orphan =
                new SimulatedSigner(pool, empty, new SplittableRandom(1), new SignerKeyRegistrations());
        assertThatThrownBy(() -> orphan.prepareRegistration(settings(20)))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("No stake associated with myself (" + pool.partyId() + ") at epoch 21");
    }

    @Test
    void withoutRegistrationParametersTheSignerSaysWhereToReadThem() {
        EpochSettingsMessage noParameters =
                EpochSettingsMessage.parse("{\"epoch\":20,\"current_signers\":[],\"next_signers\":[]}");
        assertThatThrownBy(() -> signer.prepareRegistration(noParameters))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining("/protocol-configuration/21");
        assertThat(signer.prepareRegistration(noParameters, PARAMETERS)).isPresent();
    }

    @Test
    void signsOnlyWhenListedAmongTheCurrentSignersWithItsOwnKey() {
        TestAggregator aggregator = new TestAggregator(chain, PARAMETERS);
        SimulatedSigner.Registration registration = signer.prepareRegistration(
                        EpochSettingsMessage.parse(aggregator.epochSettingsJson()))
                .orElseThrow();
        aggregator.register(registration.json());
        SignedEntityType msd = new SignedEntityType.MithrilStakeDistribution(Epoch.of(22));
        ProtocolMessage message = aggregator.seedParts(Epoch.of(21));

        // accepted but not confirmed to the signer: it has no initializer, so it cannot sign at 22
        clock.set(chain.startOf(Epoch.of(22)));
        EpochSettingsMessage at22 = EpochSettingsMessage.parse(aggregator.epochSettingsJson());
        assertThat(at22.currentSigners()).hasSize(1);
        assertThat(signer.canSign(at22)).isFalse();
        assertThat(signer.prepareSignature(at22, msd, message)).isEmpty();

        // a registration of another key under its party id: listed, but not with its key
        signer.registered(registration);
        SimulatedSigner impostor =
                new SimulatedSigner(pool, chain, new SplittableRandom(99), new SignerKeyRegistrations());
        assertThat(impostor.canSign(at22)).isFalse();
        assertThat(signer.canSign(at22)).isTrue();
    }

    private static String verificationKey(SimulatedSigner.Registration r) {
        return CertificateJson.parse(r.json()).get("verification_key").textValue();
    }
}
