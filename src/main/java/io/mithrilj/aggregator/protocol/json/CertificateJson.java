package io.mithrilj.aggregator.protocol.json;

import static io.mithrilj.aggregator.protocol.json.JsonFields.field;
import static io.mithrilj.aggregator.protocol.json.JsonFields.requireObject;
import static io.mithrilj.aggregator.protocol.json.JsonFields.text;
import static io.mithrilj.aggregator.protocol.json.JsonFields.u64;
import static io.mithrilj.aggregator.protocol.json.JsonFields.writeU64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateMetadata;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.StakeDistributionParty;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the certificate JSON messages byte-for-byte as upstream 2603.1 (compact, keys in
 * upstream order). Reading ignores unknown object keys (as serde does), refuses unknown protocol
 * message part keys (naming the key), and keeps unknown signed entity type variants in
 * {@link SignedEntityType.Unknown}.
 */
public final class CertificateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private CertificateJson() {}

    /** The canonicalizer used by {@link CertificateMessage#toCertificate()} and {@link #readCertificate(String)}. */
    public static CryptoCanonicalizer defaultCanonicalizer() {
        return CryptoCanonicalizer.STM;
    }

    // ------------------------------------------------------------------ entry points

    public static JsonNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MessageFormatException("empty JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MessageFormatException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Certificate readCertificate(String json) {
        return readCertificateMessage(parse(json)).toCertificate();
    }

    public static String writeCertificate(Certificate certificate) {
        return write(CertificateMessage.fromCertificate(certificate));
    }

    public static CertificateMessage readCertificateMessage(String json) {
        return readCertificateMessage(parse(json));
    }

    public static CertificateMessage readCertificateMessage(JsonNode node) {
        requireObject(node, "certificate");
        return new CertificateMessage(
                text(node, "hash"),
                text(node, "previous_hash"),
                epoch(field(node, "epoch"), "epoch"),
                readSignedEntityType(field(node, "signed_entity_type")),
                readMetadata(field(node, "metadata")),
                readProtocolMessage(field(node, "protocol_message")),
                text(node, "signed_message"),
                text(node, "aggregate_verification_key"),
                text(node, "multi_signature"),
                text(node, "genesis_signature"));
    }

    public static CertificateListItemMessage readListItem(JsonNode node) {
        requireObject(node, "certificate list item");
        JsonNode md = field(node, "metadata");
        requireObject(md, "metadata");
        var metadata = new CertificateListItemMessage.Metadata(
                text(md, "network"),
                text(md, "version"),
                readProtocolParameters(field(md, "parameters")),
                Rfc3339.parse(text(md, "initiated_at")),
                Rfc3339.parse(text(md, "sealed_at")),
                u64(field(md, "total_signers"), "total_signers"));
        return new CertificateListItemMessage(
                text(node, "hash"),
                text(node, "previous_hash"),
                epoch(field(node, "epoch"), "epoch"),
                readSignedEntityType(field(node, "signed_entity_type")),
                metadata,
                readProtocolMessage(field(node, "protocol_message")),
                text(node, "signed_message"),
                text(node, "aggregate_verification_key"));
    }

    public static List<CertificateListItemMessage> readList(String json) {
        JsonNode node = parse(json);
        if (!node.isArray()) {
            throw new MessageFormatException("certificate list: expected a JSON array");
        }
        List<CertificateListItemMessage> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            items.add(readListItem(item));
        }
        return items;
    }

    public static String write(CertificateMessage m) {
        return generate(g -> writeCertificateMessage(g, m));
    }

    /**
     * The list item of a certificate message, written from the message itself (what
     * {@link MessageJson#certificateListItem(String)} derives from the detail text, without parsing it).
     */
    public static String writeListItem(CertificateMessage m) {
        return generate(g -> {
            writeHead(g, m.hash(), m.previousHash(), m.epoch(), m.signedEntityType());
            CertificateMetadata md = m.metadata();
            writeMetadataHead(
                    g, md.network(), md.protocolVersion(), md.protocolParameters(), md.initiatedAt(), md.sealedAt());
            g.writeFieldName("total_signers");
            writeU64(g, md.signers().size());
            g.writeEndObject();
            writeTail(g, m.protocolMessage(), m.signedMessage(), m.aggregateVerificationKey());
            g.writeEndObject();
        });
    }

    public static String write(ProtocolMessage m) {
        return generate(g -> writeProtocolMessage(g, m));
    }

    public static String write(SignedEntityType t) {
        return generate(g -> writeSignedEntityType(g, t));
    }

    public static String write(ProtocolParameters p) {
        return generate(g -> writeProtocolParameters(g, p));
    }

    public static ProtocolMessage readProtocolMessage(String json) {
        return readProtocolMessage(parse(json));
    }

    public static SignedEntityType readSignedEntityType(String json) {
        return readSignedEntityType(parse(json));
    }

    public static ProtocolParameters readProtocolParameters(String json) {
        return readProtocolParameters(parse(json));
    }

    // ------------------------------------------------------------------ writers

    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    public static String generate(Writer writer) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void writeCertificateMessage(JsonGenerator g, CertificateMessage m) throws IOException {
        writeHead(g, m.hash(), m.previousHash(), m.epoch(), m.signedEntityType());
        writeMetadata(g, m.metadata());
        writeTail(g, m.protocolMessage(), m.signedMessage(), m.aggregateVerificationKey());
        g.writeStringField("multi_signature", m.multiSignature());
        g.writeStringField("genesis_signature", m.genesisSignature());
        g.writeEndObject();
    }

    /** Opens a certificate (detail or list item): hash, previous hash, epoch, signed entity type, "metadata" key. */
    private static void writeHead(JsonGenerator g, String hash, String previousHash, Epoch epoch, SignedEntityType type)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("hash", hash);
        g.writeStringField("previous_hash", previousHash);
        g.writeFieldName("epoch");
        writeU64(g, epoch.value());
        g.writeFieldName("signed_entity_type");
        writeSignedEntityType(g, type);
        g.writeFieldName("metadata");
    }

    /** The fields both metadata forms start with; the caller writes the rest and closes the object. */
    private static void writeMetadataHead(
            JsonGenerator g,
            String network,
            String version,
            ProtocolParameters parameters,
            Instant initiatedAt,
            Instant sealedAt)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("network", network);
        g.writeStringField("version", version);
        g.writeFieldName("parameters");
        writeProtocolParameters(g, parameters);
        g.writeStringField("initiated_at", Rfc3339.format(initiatedAt));
        g.writeStringField("sealed_at", Rfc3339.format(sealedAt));
    }

    /** The fields both certificate forms end with (before the signatures of the detail form). */
    private static void writeTail(JsonGenerator g, ProtocolMessage message, String signedMessage, String avk)
            throws IOException {
        g.writeFieldName("protocol_message");
        writeProtocolMessage(g, message);
        g.writeStringField("signed_message", signedMessage);
        g.writeStringField("aggregate_verification_key", avk);
    }

    public static void writeMetadata(JsonGenerator g, CertificateMetadata md) throws IOException {
        writeMetadataHead(
                g, md.network(), md.protocolVersion(), md.protocolParameters(), md.initiatedAt(), md.sealedAt());
        g.writeArrayFieldStart("signers");
        for (StakeDistributionParty p : md.signers()) {
            g.writeStartObject();
            g.writeStringField("party_id", p.partyId());
            g.writeFieldName("stake");
            writeU64(g, p.stake());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static void writeProtocolParameters(JsonGenerator g, ProtocolParameters p) throws IOException {
        g.writeStartObject();
        g.writeFieldName("k");
        writeU64(g, p.k());
        g.writeFieldName("m");
        writeU64(g, p.m());
        g.writeFieldName("phi_f");
        g.writeNumber(SerdeJsonFloat.format(p.phiF()));
        g.writeEndObject();
    }

    public static void writeProtocolMessage(JsonGenerator g, ProtocolMessage m) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("message_parts");
        for (Map.Entry<ProtocolMessagePartKey, String> e : m.parts().entrySet()) {
            g.writeStringField(e.getKey().wireName(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** serde's externally tagged form: {@code {"Variant": beacon}}. */
    public static void writeSignedEntityType(JsonGenerator g, SignedEntityType t) throws IOException {
        g.writeStartObject();
        g.writeFieldName(t.variantName());
        switch (t) {
            case SignedEntityType.MithrilStakeDistribution v ->
                writeU64(g, v.epoch().value());
            case SignedEntityType.CardanoStakeDistribution v ->
                writeU64(g, v.epoch().value());
            case SignedEntityType.CardanoImmutableFilesFull v -> writeDbBeacon(g, v.beacon());
            case SignedEntityType.CardanoDatabase v -> writeDbBeacon(g, v.beacon());
            case SignedEntityType.CardanoTransactions v ->
                writePair(g, v.epoch().value(), v.blockNumber());
            case SignedEntityType.CardanoBlocksTransactions v ->
                writePair(g, v.epoch().value(), v.blockNumber());
            case SignedEntityType.Unknown v -> g.writeRawValue(v.rawBeaconJson());
        }
        g.writeEndObject();
    }

    private static void writeDbBeacon(JsonGenerator g, CardanoDbBeacon b) throws IOException {
        g.writeStartObject();
        g.writeFieldName("epoch");
        writeU64(g, b.epoch().value());
        g.writeFieldName("immutable_file_number");
        writeU64(g, b.immutableFileNumber());
        g.writeEndObject();
    }

    private static void writePair(JsonGenerator g, long a, long b) throws IOException {
        g.writeStartArray();
        writeU64(g, a);
        writeU64(g, b);
        g.writeEndArray();
    }

    // ------------------------------------------------------------------ readers

    public static CertificateMetadata readMetadata(JsonNode md) {
        requireObject(md, "metadata");
        JsonNode signersNode = field(md, "signers");
        if (!signersNode.isArray()) {
            throw new MessageFormatException("metadata.signers: expected an array");
        }
        List<StakeDistributionParty> signers = new ArrayList<>(signersNode.size());
        for (JsonNode s : signersNode) {
            requireObject(s, "signer");
            signers.add(new StakeDistributionParty(text(s, "party_id"), u64(field(s, "stake"), "stake")));
        }
        return new CertificateMetadata(
                text(md, "network"),
                text(md, "version"),
                readProtocolParameters(field(md, "parameters")),
                Rfc3339.parse(text(md, "initiated_at")),
                Rfc3339.parse(text(md, "sealed_at")),
                signers);
    }

    public static ProtocolParameters readProtocolParameters(JsonNode p) {
        requireObject(p, "parameters");
        JsonNode phi = field(p, "phi_f");
        if (!phi.isNumber()) {
            throw new MessageFormatException("parameters.phi_f: expected a number");
        }
        try {
            return new ProtocolParameters(u64(field(p, "k"), "k"), u64(field(p, "m"), "m"), phi.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException("parameters: " + e.getMessage(), e);
        }
    }

    /** {@code {"message_parts": {...}}}; any key order; an unknown key is refused, naming it. */
    public static ProtocolMessage readProtocolMessage(JsonNode node) {
        requireObject(node, "protocol_message");
        JsonNode parts = field(node, "message_parts");
        requireObject(parts, "protocol_message.message_parts");
        EnumMap<ProtocolMessagePartKey, String> map = new EnumMap<>(ProtocolMessagePartKey.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = parts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ProtocolMessagePartKey key = ProtocolMessagePartKey.fromWireName(e.getKey())
                    .orElseThrow(
                            () -> new MessageFormatException("unknown protocol message part key '" + e.getKey() + "'"));
            if (!e.getValue().isTextual()) {
                throw new MessageFormatException("protocol message part '" + e.getKey() + "': expected a string");
            }
            map.put(key, e.getValue().textValue());
        }
        return ProtocolMessage.of(map);
    }

    /** serde externally tagged; unknown variants (or beacon shapes) become {@link SignedEntityType.Unknown}. */
    public static SignedEntityType readSignedEntityType(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw new MessageFormatException("signed_entity_type: expected an object with exactly one variant");
        }
        Map.Entry<String, JsonNode> e = node.fields().next();
        String name = e.getKey();
        JsonNode v = e.getValue();
        try {
            return switch (name) {
                case "MithrilStakeDistribution" -> new SignedEntityType.MithrilStakeDistribution(epoch(v, name));
                case "CardanoStakeDistribution" -> new SignedEntityType.CardanoStakeDistribution(epoch(v, name));
                case "CardanoImmutableFilesFull" -> new SignedEntityType.CardanoImmutableFilesFull(dbBeacon(v, name));
                case "CardanoDatabase" -> new SignedEntityType.CardanoDatabase(dbBeacon(v, name));
                case "CardanoTransactions" -> {
                    long[] pair = pair(v, name);
                    yield new SignedEntityType.CardanoTransactions(new Epoch(pair[0]), pair[1]);
                }
                case "CardanoBlocksTransactions" -> {
                    if (v.isArray() && v.size() != 2) {
                        yield new SignedEntityType.Unknown(name, v.toString()); // newer 3-element beacon
                    }
                    long[] pair = pair(v, name);
                    yield new SignedEntityType.CardanoBlocksTransactions(new Epoch(pair[0]), pair[1]);
                }
                default -> new SignedEntityType.Unknown(name, v.toString());
            };
        } catch (MessageFormatException ex) {
            throw new MessageFormatException("signed_entity_type: " + ex.getMessage(), ex);
        }
    }

    private static CardanoDbBeacon dbBeacon(JsonNode v, String what) {
        requireObject(v, what);
        return new CardanoDbBeacon(
                epoch(field(v, "epoch"), "epoch"), u64(field(v, "immutable_file_number"), "immutable_file_number"));
    }

    private static long[] pair(JsonNode v, String what) {
        if (!v.isArray() || v.size() != 2) {
            throw new MessageFormatException(what + ": expected a 2-element array");
        }
        return new long[] {u64(v.get(0), what), u64(v.get(1), what)};
    }

    // ------------------------------------------------------------------ helpers

    private static Epoch epoch(JsonNode v, String what) {
        return new Epoch(u64(v, what));
    }
}
