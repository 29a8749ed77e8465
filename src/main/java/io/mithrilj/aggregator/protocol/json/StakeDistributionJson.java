package io.mithrilj.aggregator.protocol.json;

import static io.mithrilj.aggregator.protocol.json.JsonFields.field;
import static io.mithrilj.aggregator.protocol.json.JsonFields.optionalText;
import static io.mithrilj.aggregator.protocol.json.JsonFields.requireObject;
import static io.mithrilj.aggregator.protocol.json.JsonFields.text;
import static io.mithrilj.aggregator.protocol.json.JsonFields.u64;
import static io.mithrilj.aggregator.protocol.json.JsonFields.writeU64;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.StakeDistribution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads and writes the stake distribution artifact messages (Mithril and Cardano, detail and list item)
 * byte for byte as upstream 2603.1: compact, keys in upstream's declaration order, optional signer
 * fields omitted when absent. Reading ignores unknown keys, as serde does.
 */
public final class StakeDistributionJson {
    private StakeDistributionJson() {}

    // ------------------------------------------------------------------ Mithril stake distribution

    public static String write(MithrilStakeDistributionMessage m) {
        return CertificateJson.generate(g -> writeMithril(g, m));
    }

    public static String write(MithrilStakeDistributionListItemMessage m) {
        return CertificateJson.generate(g -> writeListItem(g, m.epoch(), m.hash(), m.certificateHash(), m.createdAt()));
    }

    public static String writeMithrilList(List<MithrilStakeDistributionListItemMessage> items) {
        return CertificateJson.generate(g -> {
            g.writeStartArray();
            for (MithrilStakeDistributionListItemMessage m : items) {
                writeListItem(g, m.epoch(), m.hash(), m.certificateHash(), m.createdAt());
            }
            g.writeEndArray();
        });
    }

    /**
     * The message with {@code signersRawJson} written as the value of {@code signers} in place of {@code
     * m.signers()} (which is not read): what a store keeps when the signers are stored apart.
     */
    public static String writeMithril(MithrilStakeDistributionMessage m, String signersRawJson) {
        return CertificateJson.generate(g -> writeMithril(g, m, signersRawJson));
    }

    /** {@code epoch, signers, hash, certificate_hash, created_at, protocol_parameters}. */
    public static void writeMithril(JsonGenerator g, MithrilStakeDistributionMessage m) throws IOException {
        writeMithril(g, m, null);
    }

    private static void writeMithril(JsonGenerator g, MithrilStakeDistributionMessage m, String signersRawJson)
            throws IOException {
        g.writeStartObject();
        g.writeFieldName("epoch");
        writeU64(g, m.epoch().value());
        if (signersRawJson != null) {
            g.writeFieldName("signers");
            g.writeRawValue(signersRawJson);
        } else {
            g.writeArrayFieldStart("signers");
            for (SignerWithStake s : m.signers()) {
                writeSigner(g, s);
            }
            g.writeEndArray();
        }
        g.writeStringField("hash", m.hash());
        g.writeStringField("certificate_hash", m.certificateHash());
        g.writeStringField("created_at", Rfc3339.format(m.createdAt()));
        g.writeFieldName("protocol_parameters");
        CertificateJson.writeProtocolParameters(g, m.protocolParameters());
        g.writeEndObject();
    }

    /**
     * Upstream {@code SignerWithStakeMessagePart}: {@code party_id, verification_key,
     * [verification_key_signature], [operational_certificate], [kes_period], stake}.
     */
    public static void writeSigner(JsonGenerator g, SignerWithStake s) throws IOException {
        g.writeStartObject();
        writeSignerFields(g, s);
        g.writeFieldName("stake");
        writeU64(g, s.stake());
        g.writeEndObject();
    }

    private static void writeSignerFields(JsonGenerator g, SignerWithStake s) throws IOException {
        g.writeStringField("party_id", s.partyId());
        g.writeStringField("verification_key", s.verificationKey());
        if (s.verificationKeySignature().isPresent()) {
            g.writeStringField(
                    "verification_key_signature", s.verificationKeySignature().get());
        }
        if (s.operationalCertificate().isPresent()) {
            g.writeStringField(
                    "operational_certificate", s.operationalCertificate().get());
        }
        if (s.kesEvolutions().isPresent()) {
            g.writeFieldName("kes_period");
            writeU64(g, s.kesEvolutions().getAsLong());
        }
    }

    /**
     * Upstream {@code SignerMessagePart} (the signers of {@code /epoch-settings}): the fields of {@link
     * #writeSigner} without the stake.
     */
    public static void writeSignerWithoutStake(JsonGenerator g, SignerWithStake s) throws IOException {
        g.writeStartObject();
        writeSignerFields(g, s);
        g.writeEndObject();
    }

    /** A JSON array of signers, with or without their stakes. */
    public static String writeSigners(List<SignerWithStake> signers, boolean withStake) {
        return CertificateJson.generate(g -> {
            g.writeStartArray();
            for (SignerWithStake s : signers) {
                if (withStake) {
                    writeSigner(g, s);
                } else {
                    writeSignerWithoutStake(g, s);
                }
            }
            g.writeEndArray();
        });
    }

    public static MithrilStakeDistributionMessage readMithril(String json) {
        return readMithril(CertificateJson.parse(json));
    }

    public static MithrilStakeDistributionMessage readMithril(JsonNode node) {
        requireObject(node, "mithril stake distribution");
        JsonNode signersNode = field(node, "signers");
        if (!signersNode.isArray()) {
            throw new MessageFormatException("signers: expected an array");
        }
        List<SignerWithStake> signers = new ArrayList<>(signersNode.size());
        for (JsonNode s : signersNode) {
            signers.add(readSigner(s));
        }
        return new MithrilStakeDistributionMessage(
                new Epoch(u64(field(node, "epoch"), "epoch")),
                signers,
                text(node, "hash"),
                text(node, "certificate_hash"),
                Rfc3339.parse(text(node, "created_at")),
                CertificateJson.readProtocolParameters(field(node, "protocol_parameters")));
    }

    /** A signer with stake; a JSON {@code null} optional field counts as absent, as serde's {@code Option}. */
    public static SignerWithStake readSigner(JsonNode s) {
        requireObject(s, "signer");
        JsonNode kes = s.get("kes_period");
        return new SignerWithStake(
                text(s, "party_id"),
                text(s, "verification_key"),
                optionalText(s, "verification_key_signature"),
                optionalText(s, "operational_certificate"),
                kes == null || kes.isNull() ? OptionalLong.empty() : OptionalLong.of(u64(kes, "kes_period")),
                u64(field(s, "stake"), "stake"));
    }

    // ------------------------------------------------------------------ Cardano stake distribution

    public static String write(CardanoStakeDistributionMessage m) {
        return CertificateJson.generate(g -> writeCardano(g, m));
    }

    public static String write(CardanoStakeDistributionListItemMessage m) {
        return CertificateJson.generate(g -> writeListItem(g, m.epoch(), m.hash(), m.certificateHash(), m.createdAt()));
    }

    public static String writeCardanoList(List<CardanoStakeDistributionListItemMessage> items) {
        return CertificateJson.generate(g -> {
            g.writeStartArray();
            for (CardanoStakeDistributionListItemMessage m : items) {
                writeListItem(g, m.epoch(), m.hash(), m.certificateHash(), m.createdAt());
            }
            g.writeEndArray();
        });
    }

    /** {@code epoch, hash, certificate_hash, stake_distribution, created_at}. */
    public static void writeCardano(JsonGenerator g, CardanoStakeDistributionMessage m) throws IOException {
        g.writeStartObject();
        g.writeFieldName("epoch");
        writeU64(g, m.epoch().value());
        g.writeStringField("hash", m.hash());
        g.writeStringField("certificate_hash", m.certificateHash());
        g.writeObjectFieldStart("stake_distribution");
        for (Map.Entry<String, Long> e : m.stakeDistribution().stakes().entrySet()) {
            g.writeFieldName(e.getKey());
            writeU64(g, e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("created_at", Rfc3339.format(m.createdAt()));
        g.writeEndObject();
    }

    public static CardanoStakeDistributionMessage readCardano(String json) {
        return readCardano(CertificateJson.parse(json));
    }

    public static CardanoStakeDistributionMessage readCardano(JsonNode node) {
        requireObject(node, "cardano stake distribution");
        JsonNode sd = field(node, "stake_distribution");
        requireObject(sd, "stake_distribution");
        Map<String, Long> stakes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sd.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            stakes.put(e.getKey(), u64(e.getValue(), "stake of " + e.getKey()));
        }
        return new CardanoStakeDistributionMessage(
                new Epoch(u64(field(node, "epoch"), "epoch")),
                text(node, "hash"),
                text(node, "certificate_hash"),
                StakeDistribution.of(stakes),
                Rfc3339.parse(text(node, "created_at")));
    }

    // ------------------------------------------------------------------ helpers

    /** Both list item forms: {@code epoch, hash, certificate_hash, created_at}. */
    private static void writeListItem(
            JsonGenerator g, Epoch epoch, String hash, String certificateHash, java.time.Instant createdAt)
            throws IOException {
        g.writeStartObject();
        g.writeFieldName("epoch");
        writeU64(g, epoch.value());
        g.writeStringField("hash", hash);
        g.writeStringField("certificate_hash", certificateHash);
        g.writeStringField("created_at", Rfc3339.format(createdAt));
        g.writeEndObject();
    }
}
