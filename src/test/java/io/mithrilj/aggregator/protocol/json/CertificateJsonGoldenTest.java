package io.mithrilj.aggregator.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.CertificateSignature;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateJsonGoldenTest {

    @Test
    void allFixtureCertificatesRehashAndReserializeIdentically() {
        Map<String, String> certs = Fixtures.certificates();
        assertEquals(52, certs.size());
        int genesis = 0;
        for (var e : certs.entrySet()) {
            CertificateMessage msg = CertificateJson.readCertificateMessage(e.getValue());
            Certificate c = msg.toCertificate();
            assertEquals(e.getKey(), c.hash());
            assertEquals(c.hash(), c.computeHash(), "hash of " + e.getKey());
            assertEquals(c.signedMessage(), c.protocolMessage().computeHash(), "signed_message of " + e.getKey());
            assertEquals(
                    c.epoch().toString(),
                    c.protocolMessage()
                            .get(ProtocolMessagePartKey.CURRENT_EPOCH)
                            .orElseThrow());
            // canonical re-encoding leaves the received strings unchanged
            assertEquals(msg.aggregateVerificationKey(), c.aggregateVerificationKey());
            if (c.signature() instanceof CertificateSignature.Multi m) {
                assertEquals(msg.multiSignature(), m.multiSignatureJsonHex());
            } else {
                genesis++;
            }
            // parse -> serialize gives the same JSON text (key order included), via the message and the entity
            assertEquals(e.getValue(), CertificateJson.write(msg), "message JSON of " + e.getKey());
            assertEquals(e.getValue(), CertificateJson.writeCertificate(c), "entity JSON of " + e.getKey());
        }
        assertEquals(1, genesis);
    }

    @Test
    void representativeHashes() {
        Certificate g = CertificateJson.readCertificate(Fixtures.certificateJson(Fixtures.GENESIS));
        assertEquals("36691e3754dc483f4a02f18a5610254abb8b4681bd8d18b98fbd78fc2eddbe8b", g.signedMessage());
        assertEquals(
                "207a46537af09557c823584daf52ef72c9742618e719fc9f974b9a8123722643",
                g.metadata().computeHash());
        assertTrue(g.isGenesis());
        assertEquals(new SignedEntityType.MithrilStakeDistribution(g.epoch()), g.signedEntityType());
        Certificate latest = CertificateJson.readCertificate(Fixtures.certificateJson(Fixtures.LATEST));
        assertEquals(
                "a651b40b9b4448acf303efad2fb127b8aabbfe160b7c8770b2e22cd07385eaf2",
                latest.metadata().computeHash());
        assertEquals("{\"CardanoTransactions\":[18,524]}", CertificateJson.write(latest.signedEntityType()));
    }

    @Test
    void listItemsMatchDetails() {
        JsonNode list = Fixtures.json("certificates-list.json");
        List<CertificateListItemMessage> items = CertificateJson.readList(list.toString());
        assertEquals(20, items.size());
        assertEquals(Fixtures.LATEST, items.get(0).hash());
        List<String> written = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CertificateListItemMessage item = items.get(i);
            // the one list-item writer, from the detail message's text, gives upstream's list item exactly
            String fromDetail = MessageJson.certificateListItem(Fixtures.certificateJson(item.hash()));
            assertEquals(list.get(i).toString(), fromDetail, "list item " + item.hash());
            assertEquals(item, CertificateJson.readListItem(MessageJson.parse(fromDetail)));
            Certificate detail = CertificateJson.readCertificate(Fixtures.certificateJson(item.hash()));
            assertEquals(detail.metadata().signers().size(), item.metadata().totalSigners());
            // and the writer of the certifier, from the message, gives the same text
            assertEquals(fromDetail, CertificateJson.writeListItem(CertificateMessage.fromCertificate(detail)));
            written.add(fromDetail);
        }
        assertEquals(list.toString(), JsonArrays.join(written));
    }

    @Test
    void unknownFieldsToleratedUnknownPartKeyRefused() {
        String json = Fixtures.certificateJson(Fixtures.LATEST);
        String extra = json.replaceFirst("\\{\"hash\"", "{\"future_field\":{\"a\":[1]},\"hash\"")
                .replace("\"party_id\"", "\"verification_key\":\"00\",\"party_id\"");
        Certificate c = CertificateJson.readCertificate(extra);
        assertEquals(json, CertificateJson.writeCertificate(c));

        String unknownKey = json.replace("\"current_epoch\"", "\"next_thing\"");
        var e = assertThrows(MessageFormatException.class, () -> CertificateJson.readCertificate(unknownKey));
        assertTrue(e.getMessage().contains("next_thing"), e.getMessage());
    }

    @Test
    void unknownSignedEntityTypeIsHeldNotHashed() {
        String json = Fixtures.certificateJson(Fixtures.LATEST)
                .replace("{\"CardanoTransactions\":[18,524]}", "{\"CardanoBlocksTransactions\":[18,524,15]}");
        Certificate c = CertificateJson.readCertificate(json);
        assertInstanceOf(SignedEntityType.Unknown.class, c.signedEntityType());
        assertTrue(c.hasUnknownSignedEntityType());
        assertEquals(json, CertificateJson.writeCertificate(c));
        assertThrows(UnsupportedOperationException.class, c::computeHash);
        assertInstanceOf(
                SignedEntityType.Unknown.class, CertificateJson.readSignedEntityType("{\"SomethingNew\":{\"x\":1}}"));
        assertInstanceOf(
                SignedEntityType.CardanoBlocksTransactions.class,
                CertificateJson.readSignedEntityType("{\"CardanoBlocksTransactions\":[18,524]}"));
        assertThrows(
                MessageFormatException.class,
                () -> CertificateJson.readSignedEntityType("{\"CardanoTransactions\":[18]}"));
    }

    @Test
    void listItemWithUnknownSignedEntityTypeIsListed() {
        JsonNode list = Fixtures.json("certificates-list.json");
        String text = list.toString()
                .replace("{\"CardanoTransactions\":[18,524]}", "{\"CardanoBlocksTransactions\":[18,524,15]}");
        List<CertificateListItemMessage> items = CertificateJson.readList(text);
        assertEquals(
                new SignedEntityType.Unknown("CardanoBlocksTransactions", "[18,524,15]"),
                assertInstanceOf(SignedEntityType.Unknown.class, items.get(0).signedEntityType()));
        // the list-item writer works on the message text: an unknown type passes through verbatim
        String detail = Fixtures.certificateJson(Fixtures.LATEST)
                .replace("{\"CardanoTransactions\":[18,524]}", "{\"CardanoBlocksTransactions\":[18,524,15]}");
        assertEquals(text.substring(1, text.indexOf(",{\"hash\"")), MessageJson.certificateListItem(detail));
    }

    @Test
    void cryptoStringsAreCanonicalized() {
        String json = Fixtures.certificateJson(Fixtures.LATEST);
        Certificate c = CertificateJson.readCertificate(json);
        String avk = c.aggregateVerificationKey();
        // upper-case hex and surrounding whitespace decode to the same canonical string
        String altered = json.replace(avk, " " + avk.toUpperCase() + "\\n");
        assertEquals(c.computeHash(), CertificateJson.readCertificate(altered).computeHash());
        // JSON whitespace inside the JSON-hex is removed by the re-encoding
        String spaced = hex(new String(HexFormat.of().parseHex(avk), StandardCharsets.UTF_8).replace(",", ", "));
        assertEquals(
                avk, CertificateJson.readCertificate(json.replace(avk, spaced)).aggregateVerificationKey());
        // a non-hex AVK is refused
        var e = assertThrows(
                MessageFormatException.class, () -> CertificateJson.readCertificate(json.replace(avk, "zz")));
        assertTrue(e.getMessage().contains("aggregate verification key"));
        // genesis signature as JSON-hex array of 64 ints is converted to bytes-hex
        Certificate g = CertificateJson.readCertificate(Fixtures.certificateJson(Fixtures.GENESIS));
        String sigHex = ((CertificateSignature.Genesis) g.signature()).bytesHex();
        StringBuilder arr = new StringBuilder("[");
        byte[] bytes = java.util.HexFormat.of().parseHex(sigHex);
        for (int i = 0; i < bytes.length; i++) {
            arr.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
        }
        arr.append(']');
        assertEquals(sigHex, CryptoCanonicalizer.genesisSignatureBytesHex(hex(arr.toString())));
    }

    private static String hex(String json) {
        return HexFormat.of().formatHex(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonIsAClearError() {
        assertThrows(MessageFormatException.class, () -> CertificateJson.readCertificate("{\"hash\":"));
        var e = assertThrows(MessageFormatException.class, () -> CertificateJson.readCertificate("{\"hash\":\"x\"}"));
        assertTrue(e.getMessage().contains("previous_hash"), e.getMessage());
    }
}
