package io.mithrilj.aggregator.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a signer, or a follower of its leader, reads from an aggregator's {@code GET /epoch-settings} (upstream
 * {@code EpochSettingsMessage}, adapted as the signer's {@code RegisteredSigners} and the follower's {@code
 * LeaderAggregatorEpochSettings}): the aggregator's epoch, the signers that sign in it
 * ({@code current_signers}) and those registered for the next one ({@code next_signers}), and the deprecated
 * {@code signer_registration_protocol} when the aggregator still sends it.
 */
public record EpochSettingsMessage(
        Epoch epoch,
        Optional<ProtocolParameters> signerRegistrationProtocol,
        List<Signer> currentSigners,
        List<Signer> nextSigners) {

    /**
     * One registered signer as the aggregator lists it (upstream {@code SignerMessagePart}); the keys stay in
     * their encoded form (json-hex), as the signer passes them on to its key registration.
     */
    public record Signer(
            String partyId,
            String verificationKey,
            Optional<String> verificationKeySignature,
            Optional<String> operationalCertificate,
            OptionalLong kesPeriod) {
        public Signer {
            Objects.requireNonNull(partyId, "partyId");
            Objects.requireNonNull(verificationKey, "verificationKey");
            Objects.requireNonNull(verificationKeySignature, "verificationKeySignature");
            Objects.requireNonNull(operationalCertificate, "operationalCertificate");
            Objects.requireNonNull(kesPeriod, "kesPeriod");
        }
    }

    public EpochSettingsMessage {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(signerRegistrationProtocol, "signerRegistrationProtocol");
        currentSigners = List.copyOf(currentSigners);
        nextSigners = List.copyOf(nextSigners);
    }

    /**
     * Reads the message text.
     *
     * @throws MessageFormatException naming the field when the JSON is malformed, a required field is missing
     *     or a field has the wrong type
     */
    public static EpochSettingsMessage parse(String json) {
        JsonNode root = CertificateJson.parse(json);
        if (!root.isObject()) {
            throw new MessageFormatException("epoch settings: expected a JSON object");
        }
        JsonNode parameters = root.get("signer_registration_protocol");
        return new EpochSettingsMessage(
                Epoch.of(u64(required(root, "epoch", "epoch settings"), "epoch settings.epoch")),
                parameters == null || parameters.isNull()
                        ? Optional.empty()
                        : Optional.of(CertificateJson.readProtocolParameters(parameters)),
                signers(required(root, "current_signers", "epoch settings"), "current_signers"),
                signers(required(root, "next_signers", "epoch settings"), "next_signers"));
    }

    private static List<Signer> signers(JsonNode array, String name) {
        if (!array.isArray()) {
            throw new MessageFormatException("epoch settings." + name + ": expected an array");
        }
        List<Signer> signers = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String where = "epoch settings." + name + "[" + i + "]";
            JsonNode s = array.get(i);
            if (!s.isObject()) {
                throw new MessageFormatException(where + ": expected an object");
            }
            JsonNode kes = s.get("kes_period");
            signers.add(new Signer(
                    text(required(s, "party_id", where), where + ".party_id"),
                    text(required(s, "verification_key", where), where + ".verification_key"),
                    optionalText(s, "verification_key_signature", where),
                    optionalText(s, "operational_certificate", where),
                    kes == null || kes.isNull()
                            ? OptionalLong.empty()
                            : OptionalLong.of(u64(kes, where + ".kes_period"))));
        }
        return signers;
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MessageFormatException(where + ": missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw new MessageFormatException(where + ": expected a string");
        }
        return node.textValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(value, where + "." + field));
    }

    private static long u64(JsonNode node, String where) {
        if (!node.isIntegralNumber() || node.bigIntegerValue().signum() < 0 || !node.canConvertToLong()) {
            throw new MessageFormatException(where + ": expected an unsigned 64-bit integer");
        }
        return node.longValue();
    }
}
