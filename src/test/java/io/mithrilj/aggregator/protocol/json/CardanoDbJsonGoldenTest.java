package io.mithrilj.aggregator.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.Fixtures;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upstream's fixture artifacts of both Cardano database types, read and written back byte for byte. */
class CardanoDbJsonGoldenTest {

    @Test
    void everyFixtureLegacySnapshotRoundTripsByteForByte() {
        JsonNode details = Fixtures.json("snapshots.json");
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); n++) {
            Map.Entry<String, JsonNode> e = it.next();
            String json = e.getValue().toString();
            SnapshotMessage m = CardanoDbJson.readSnapshot(json);
            assertEquals(e.getKey(), m.digest());
            assertEquals(json, CardanoDbJson.write(m));
        }
        assertTrue(n >= 10, "fixture snapshots: " + n);
        // the list items have the same fields as the detail
        for (JsonNode item : Fixtures.json("snapshots-list.json")) {
            assertEquals(item.toString(), CardanoDbJson.write(CardanoDbJson.readSnapshot(item.toString())));
        }
    }

    @Test
    void everyFixtureCardanoDatabaseRoundTripsRehashesAndProjectsToItsListItem() {
        Map<String, String> listItems = new HashMap<>();
        for (JsonNode item : Fixtures.json("cardano-databases-list.json")) {
            listItems.put(item.get("hash").asText(), item.toString());
        }
        JsonNode details = Fixtures.json("cardano-databases.json");
        int n = 0;
        int listed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); n++) {
            Map.Entry<String, JsonNode> e = it.next();
            String json = e.getValue().toString();
            CardanoDatabaseSnapshotMessage m = CardanoDbJson.readCardanoDatabase(json);
            assertEquals(json, CardanoDbJson.write(m));
            assertEquals(
                    e.getKey(),
                    CardanoDatabaseSnapshotMessage.computeHash(m.beacon().epoch(), m.merkleRoot()));
            String item = listItems.get(m.hash());
            if (item != null) {
                assertEquals(item, CardanoDbJson.writeListItem(m));
                listed++;
            }
        }
        assertTrue(n >= 10, "fixture cardano databases: " + n);
        assertEquals(listItems.size(), listed, "every list item has its detail");
    }

    @Test
    void hashVectorOfTheSpec() {
        // artifacts.md §6.2: ("mk-root-123", epoch 123)
        assertEquals(
                "b1cc5e0deaa7856e8e811e349d6e639fa667aa70288602955f438c5893ce29c8",
                CardanoDatabaseSnapshotMessage.computeHash(
                        new io.mithrilj.aggregator.protocol.Epoch(123), "mk-root-123"));
    }

    @Test
    void aMalformedMessageIsRefusedNamingTheField() {
        MessageFormatException e = assertThrows(
                MessageFormatException.class,
                () -> CardanoDbJson.readCardanoDatabase("{\"hash\":\"h\",\"merkle_root\":\"r\",\"network\":\"devnet\","
                        + "\"beacon\":{\"epoch\":-1,\"immutable_file_number\":2}}"));
        assertTrue(e.getMessage().contains("beacon.epoch"), e.getMessage());
    }
}
