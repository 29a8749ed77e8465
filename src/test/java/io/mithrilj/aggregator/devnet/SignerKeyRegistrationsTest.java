package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.crypto.stm.StmClosedKeyRegistration;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignerKeyRegistrationsTest {
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final ProtocolParameters PARAMETERS = new ProtocolParameters(2, 20, 0.5);
    private static final Epoch EPOCH = Epoch.of(8);

    private List<DevnetPool> pools;
    private Map<String, Long> stakes;
    private List<EpochSettingsMessage.Signer> listed;

    @BeforeEach
    void registrations() {
        SplittableRandom random = new SplittableRandom(5);
        pools = DevnetPool.generateAll(new long[] {10, 20, 30}, 0, random);
        stakes = SimulatedChain.stakeDistributionOf(pools);
        // KES period 4 at slot 70: the declared evolutions are 4
        SimulatedChain chain =
                new SimulatedChain(new SimulatedChain.Settings(START, 7, 10, 17, 1), new DevnetClock(START), stakes);
        EpochSettingsMessage settings =
                new EpochSettingsMessage(Epoch.of(7), Optional.of(PARAMETERS), List.of(), List.of());
        listed = pools.stream()
                .map(p -> new SimulatedSigner(p, chain, random.split(), new SignerKeyRegistrations())
                        .prepareRegistration(settings)
                        .orElseThrow())
                .map(r -> {
                    JsonNode m = CertificateJson.parse(r.json());
                    return new EpochSettingsMessage.Signer(
                            m.get("party_id").textValue(),
                            m.get("verification_key").textValue(),
                            Optional.of(m.get("verification_key_signature").textValue()),
                            Optional.of(m.get("operational_certificate").textValue()),
                            OptionalLong.of(m.get("kes_period").longValue()));
                })
                .toList();
        assertThat(listed.getFirst().kesPeriod()).hasValue(4);
    }

    @Test
    void buildsTheClosedRegistrationOnceForTheSameInput() {
        SignerKeyRegistrations registrations = new SignerKeyRegistrations();
        StmClosedKeyRegistration closed = registrations.closedRegistration(EPOCH, listed, stakes, PARAMETERS);
        assertThat(closed.size()).isEqualTo(3);
        assertThat(closed.totalStake()).isEqualTo(60);
        assertThat(registrations.closedRegistration(EPOCH, List.copyOf(listed), Map.copyOf(stakes), PARAMETERS))
                .isSameAs(closed);
        // other stakes: another registration
        Map<String, Long> doubled = Map.of(
                pools.get(0).partyId(),
                20L,
                pools.get(1).partyId(),
                40L,
                pools.get(2).partyId(),
                60L);
        assertThat(registrations
                        .closedRegistration(EPOCH, listed, doubled, PARAMETERS)
                        .totalStake())
                .isEqualTo(120);
    }

    @Test
    void aSignerWhoseKesSignatureDoesNotMatchItsDeclaredEvolutionsIsNamed() {
        EpochSettingsMessage.Signer first = listed.getFirst();
        EpochSettingsMessage.Signer lying = new EpochSettingsMessage.Signer(
                first.partyId(),
                first.verificationKey(),
                first.verificationKeySignature(),
                first.operationalCertificate(),
                OptionalLong.of(20));
        assertThatThrownBy(() -> new SignerKeyRegistrations()
                        .closedRegistration(EPOCH, List.of(lying, listed.get(1)), stakes, PARAMETERS))
                .isInstanceOf(DevnetException.class)
                .hasMessageStartingWith("Registration failed for signer: '" + first.partyId() + "': ");
    }

    @Test
    void incompleteOrUnstakedSignersAreNamed() {
        EpochSettingsMessage.Signer first = listed.getFirst();
        EpochSettingsMessage.Signer noOpcert = new EpochSettingsMessage.Signer(
                first.partyId(),
                first.verificationKey(),
                first.verificationKeySignature(),
                Optional.empty(),
                first.kesPeriod());
        assertThatThrownBy(() ->
                        new SignerKeyRegistrations().closedRegistration(EPOCH, List.of(noOpcert), stakes, PARAMETERS))
                .isInstanceOf(DevnetException.class)
                .hasMessageEndingWith("missing operational certificate");
        assertThatThrownBy(() -> new SignerKeyRegistrations()
                        .closedRegistration(EPOCH, listed, Map.of(pools.get(1).partyId(), 20L), PARAMETERS))
                .isInstanceOf(DevnetException.class)
                .hasMessageContaining(pools.get(0).partyId())
                .hasMessageEndingWith("party id does not exist in the stake distribution");
        assertThatThrownBy(() -> new SignerKeyRegistrations().closedRegistration(EPOCH, List.of(), stakes, PARAMETERS))
                .isInstanceOf(DevnetException.class)
                .hasMessage("The list of signers must not be empty to create a signer builder.");
    }
}
