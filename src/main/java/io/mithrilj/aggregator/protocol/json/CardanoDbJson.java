package io.mithrilj.aggregator.protocol.json;

import static io.mithrilj.aggregator.protocol.json.JsonFields.field;
import static io.mithrilj.aggregator.protocol.json.JsonFields.optionalText;
import static io.mithrilj.aggregator.protocol.json.JsonFields.requireObject;
import static io.mithrilj.aggregator.protocol.json.JsonFields.text;
import static io.mithrilj.aggregator.protocol.json.JsonFields.u64;
import static io.mithrilj.aggregator.protocol.json.JsonFields.writeU64;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.json.CardanoDatabaseSnapshotMessage.Location;
import io.mithrilj.aggregator.protocol.json.CardanoDatabaseSnapshotMessage.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Byte-exact JSON of the Cardano database artifacts, in upstream's serde field order: {@link SnapshotMessage}
 * (detail and list item alike) and {@link CardanoDatabaseSnapshotMessage} (detail, and its list item).
 */
public final class CardanoDbJson {
    private CardanoDbJson() {}

    // ------------------------------------------------------------------ legacy snapshot

    /**
     * {@code digest, network, beacon, certificate_hash, size, ancillary_size?, created_at, locations,
     * ancillary_locations?, compression_algorithm, cardano_node_version}.
     */
    public static String write(SnapshotMessage m) {
        return CertificateJson.generate(g -> {
            g.writeStartObject();
            g.writeStringField("digest", m.digest());
            g.writeStringField("network", m.network());
            writeBeacon(g, m.beacon());
            g.writeStringField("certificate_hash", m.certificateHash());
            g.writeFieldName("size");
            writeU64(g, m.size());
            if (m.ancillarySize().isPresent()) {
                g.writeFieldName("ancillary_size");
                writeU64(g, m.ancillarySize().getAsLong());
            }
            g.writeStringField("created_at", Rfc3339.format(m.createdAt()));
            writeStrings(g, "locations", m.locations());
            if (m.ancillaryLocations().isPresent())
                writeStrings(g, "ancillary_locations", m.ancillaryLocations().get());
            g.writeStringField("compression_algorithm", m.compressionAlgorithm());
            g.writeStringField("cardano_node_version", m.cardanoNodeVersion());
            g.writeEndObject();
        });
    }

    public static SnapshotMessage readSnapshot(String json) {
        JsonNode n = CertificateJson.parse(json);
        requireObject(n, "snapshot message");
        JsonNode ancillarySize = n.get("ancillary_size");
        JsonNode ancillaryLocations = n.get("ancillary_locations");
        return new SnapshotMessage(
                text(n, "digest"),
                text(n, "network"),
                readBeacon(field(n, "beacon")),
                text(n, "certificate_hash"),
                u64(field(n, "size"), "size"),
                ancillarySize == null || ancillarySize.isNull()
                        ? OptionalLong.empty()
                        : OptionalLong.of(u64(ancillarySize, "ancillary_size")),
                Rfc3339.parse(text(n, "created_at")),
                readStrings(field(n, "locations"), "locations"),
                ancillaryLocations == null || ancillaryLocations.isNull()
                        ? Optional.empty()
                        : Optional.of(readStrings(ancillaryLocations, "ancillary_locations")),
                text(n, "compression_algorithm"),
                text(n, "cardano_node_version"));
    }

    // ------------------------------------------------------------------ Cardano database v2

    /**
     * {@code hash, merkle_root, network, beacon, certificate_hash, total_db_size_uncompressed, digests, immutables,
     * ancillary, cardano_node_version, created_at}.
     */
    public static String write(CardanoDatabaseSnapshotMessage m) {
        return CertificateJson.generate(g -> {
            g.writeStartObject();
            g.writeStringField("hash", m.hash());
            g.writeStringField("merkle_root", m.merkleRoot());
            g.writeStringField("network", m.network());
            writeBeacon(g, m.beacon());
            g.writeStringField("certificate_hash", m.certificateHash());
            g.writeFieldName("total_db_size_uncompressed");
            writeU64(g, m.totalDbSizeUncompressed());
            writePart(g, "digests", "size_uncompressed", m.digests());
            writePart(g, "immutables", "average_size_uncompressed", m.immutables());
            writePart(g, "ancillary", "size_uncompressed", m.ancillary());
            g.writeStringField("cardano_node_version", m.cardanoNodeVersion());
            g.writeStringField("created_at", Rfc3339.format(m.createdAt()));
            g.writeEndObject();
        });
    }

    /**
     * The list item: {@code hash, merkle_root, beacon, certificate_hash, total_db_size_uncompressed,
     * cardano_node_version, created_at}.
     */
    public static String writeListItem(CardanoDatabaseSnapshotMessage m) {
        return CertificateJson.generate(g -> {
            g.writeStartObject();
            g.writeStringField("hash", m.hash());
            g.writeStringField("merkle_root", m.merkleRoot());
            writeBeacon(g, m.beacon());
            g.writeStringField("certificate_hash", m.certificateHash());
            g.writeFieldName("total_db_size_uncompressed");
            writeU64(g, m.totalDbSizeUncompressed());
            g.writeStringField("cardano_node_version", m.cardanoNodeVersion());
            g.writeStringField("created_at", Rfc3339.format(m.createdAt()));
            g.writeEndObject();
        });
    }

    public static CardanoDatabaseSnapshotMessage readCardanoDatabase(String json) {
        JsonNode n = CertificateJson.parse(json);
        requireObject(n, "cardano database message");
        return new CardanoDatabaseSnapshotMessage(
                text(n, "hash"),
                text(n, "merkle_root"),
                text(n, "network"),
                readBeacon(field(n, "beacon")),
                text(n, "certificate_hash"),
                u64(field(n, "total_db_size_uncompressed"), "total_db_size_uncompressed"),
                readPart(field(n, "digests"), "digests", "size_uncompressed"),
                readPart(field(n, "immutables"), "immutables", "average_size_uncompressed"),
                readPart(field(n, "ancillary"), "ancillary", "size_uncompressed"),
                text(n, "cardano_node_version"),
                Rfc3339.parse(text(n, "created_at")));
    }

    // ------------------------------------------------------------------ parts

    private static void writeBeacon(JsonGenerator g, CardanoDbBeacon beacon) throws IOException {
        g.writeObjectFieldStart("beacon");
        g.writeFieldName("epoch");
        writeU64(g, beacon.epoch().value());
        g.writeFieldName("immutable_file_number");
        writeU64(g, beacon.immutableFileNumber());
        g.writeEndObject();
    }

    private static CardanoDbBeacon readBeacon(JsonNode b) {
        requireObject(b, "beacon");
        return new CardanoDbBeacon(
                u64(field(b, "epoch"), "beacon.epoch"),
                u64(field(b, "immutable_file_number"), "beacon.immutable_file_number"));
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static List<String> readStrings(JsonNode array, String what) {
        if (!array.isArray()) throw new MessageFormatException(what + ": expected an array");
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode v : array) {
            if (!v.isTextual()) throw new MessageFormatException(what + ": expected strings");
            out.add(v.textValue());
        }
        return out;
    }

    private static void writePart(JsonGenerator g, String name, String sizeField, Part part) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeFieldName(sizeField);
        writeU64(g, part.size());
        g.writeArrayFieldStart("locations");
        for (Location l : part.locations()) {
            g.writeStartObject();
            g.writeStringField("type", l.type());
            if (l.template()) {
                g.writeObjectFieldStart("uri");
                g.writeStringField("Template", l.uri());
                g.writeEndObject();
            } else {
                g.writeStringField("uri", l.uri());
            }
            if (l.compressionAlgorithm() != null) g.writeStringField("compression_algorithm", l.compressionAlgorithm());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Part readPart(JsonNode p, String what, String sizeField) {
        requireObject(p, what);
        JsonNode locations = field(p, "locations");
        if (!locations.isArray()) throw new MessageFormatException(what + ".locations: expected an array");
        List<Location> out = new ArrayList<>(locations.size());
        for (JsonNode l : locations) {
            requireObject(l, what + " location");
            JsonNode uri = field(l, "uri");
            boolean template = uri.isObject();
            String value = template ? text(uri, "Template") : text(l, "uri");
            out.add(new Location(
                    text(l, "type"),
                    value,
                    template,
                    optionalText(l, "compression_algorithm").orElse(null)));
        }
        return new Part(u64(field(p, sizeField), what + "." + sizeField), out);
    }
}
