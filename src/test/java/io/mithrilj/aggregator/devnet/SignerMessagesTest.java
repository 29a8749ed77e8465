package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.crypto.kes.OperationalCertificate;
import io.mithrilj.aggregator.crypto.kes.SignerRegistrationAuthenticator;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.json.EpochSettingsMessage;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import io.mithrilj.aggregator.testing.UpstreamReference;
import org.junit.jupiter.api.Test;

/** Golden checks on upstream's real signer registrations (aggregator-fake-data/epoch-settings.json). */
class SignerMessagesTest {

    private static EpochSettingsMessage fixture() {
        return EpochSettingsMessage.parse(UpstreamReference.text("aggregator-fake-data/epoch-settings.json"));
    }

    @Test
    void readsUpstreamEpochSettings() {
        EpochSettingsMessage settings = fixture();
        assertThat(settings.epoch()).isEqualTo(Epoch.of(18));
        assertThat(settings.signerRegistrationProtocol()).contains(new ProtocolParameters(70, 105, 0.95));
        assertThat(settings.currentSigners()).hasSize(2);
        assertThat(settings.nextSigners()).hasSize(2);
        EpochSettingsMessage.Signer first = settings.currentSigners().getFirst();
        assertThat(first.partyId()).isEqualTo("pool1efusn4rpffsdlm276ct49mdnm6z82ls3juf6hk6aksle5cvru2a");
        assertThat(first.kesPeriod()).hasValue(0);
        assertThat(first.verificationKeySignature()).isPresent();
        assertThat(first.operationalCertificate()).isPresent();
    }

    @Test
    void aRegistrationBuiltFromARealSignersFieldsIsUpstreamsCompactShapeAndAuthenticates() {
        EpochSettingsMessage.Signer real = fixture().nextSigners().getFirst();
        String json = SignerMessages.registerSigner(
                Epoch.of(19),
                real.partyId(),
                real.verificationKey(),
                real.verificationKeySignature().orElseThrow(),
                real.operationalCertificate().orElseThrow(),
                real.kesPeriod().orElseThrow());

        assertThat(json)
                .isEqualTo("{\"epoch\":19,\"party_id\":\"" + real.partyId() + "\",\"verification_key\":\""
                        + real.verificationKey() + "\",\"verification_key_signature\":\""
                        + real.verificationKeySignature().orElseThrow() + "\",\"operational_certificate\":\""
                        + real.operationalCertificate().orElseThrow() + "\",\"kes_period\":0}");

        // what the aggregator does with it: the opcert's pool is the party, the KES signature covers the key
        OperationalCertificate opcert =
                OperationalCertificate.decode(real.operationalCertificate().orElseThrow());
        assertThat(SignerRegistrationAuthenticator.authenticate(
                                real.verificationKey(),
                                real.verificationKeySignature().orElseThrow(),
                                real.operationalCertificate().orElseThrow(),
                                opcert.startKesPeriod())
                        .partyId())
                .isEqualTo(real.partyId());
    }

    @Test
    void aSignatureMessageHasUpstreamsFieldOrderAndEntityTypeForms() {
        assertThat(SignerMessages.registerSignature(
                        new SignedEntityType.CardanoImmutableFilesFull(new CardanoDbBeacon(Epoch.of(10), 1728)),
                        "party_id",
                        "7b7d",
                        new long[] {1, 3},
                        "6a7e737c312972d2346b65ac3075696e04286d046dddaf8004121e3d5e27cc0d"))
                .isEqualTo(
                        "{\"entity_type\":{\"CardanoImmutableFilesFull\":{\"epoch\":10,\"immutable_file_number\":1728}},"
                                + "\"party_id\":\"party_id\",\"signature\":\"7b7d\",\"indexes\":[1,3],"
                                + "\"signed_message\":\"6a7e737c312972d2346b65ac3075696e04286d046dddaf8004121e3d5e27cc0d\"}");
        assertThat(SignerMessages.registerSignature(
                        new SignedEntityType.MithrilStakeDistribution(Epoch.of(12)), "p", "s", new long[] {}, "m"))
                .isEqualTo("{\"entity_type\":{\"MithrilStakeDistribution\":12},\"party_id\":\"p\",\"signature\":\"s\","
                        + "\"indexes\":[],\"signed_message\":\"m\"}");
    }

    @Test
    void malformedEpochSettingsAreNamed() {
        assertThatThrownBy(() -> EpochSettingsMessage.parse("{\"current_signers\":[],\"next_signers\":[]}"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessage("epoch settings: missing field 'epoch'");
        assertThatThrownBy(
                        () -> EpochSettingsMessage.parse("{\"epoch\":-1,\"current_signers\":[],\"next_signers\":[]}"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("epoch settings.epoch: expected an unsigned 64-bit integer");
        assertThatThrownBy(() -> EpochSettingsMessage.parse("{\"epoch\":1,\"current_signers\":{},\"next_signers\":[]}"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessage("epoch settings.current_signers: expected an array");
        assertThatThrownBy(() -> EpochSettingsMessage.parse(
                        "{\"epoch\":1,\"current_signers\":[],\"next_signers\":[{\"party_id\":\"p\"}]}"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessage("epoch settings.next_signers[0]: missing field 'verification_key'");
        assertThatThrownBy(() -> EpochSettingsMessage.parse("{\"epoch\":1,"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void theDeprecatedRegistrationParametersMayBeAbsent() {
        EpochSettingsMessage settings =
                EpochSettingsMessage.parse("{\"epoch\":3,\"current_signers\":[],\"next_signers\":[]}");
        assertThat(settings.signerRegistrationProtocol()).isEmpty();
        assertThat(settings.currentSigners()).isEmpty();
    }
}
