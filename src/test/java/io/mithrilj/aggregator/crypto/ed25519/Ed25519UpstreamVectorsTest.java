package io.mithrilj.aggregator.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Other places upstream uses the deterministic Ed25519 test key: era markers, ancillary manifest. */
class Ed25519UpstreamVectorsTest {
    private static final Ed25519SigningKey TEST_KEY = Ed25519SigningKey.deterministicTestKey();

    @Test
    void eraMarkersGoldenPayloadSignatureVerifiesAndIsReproduced() {
        // internal/mithril-era/src/adapters/cardano_chain.rs GOLDEN_ERA_MARKERS_PAYLOAD_WITH_SIGNATURE
        String golden = "7b226d61726b657273223a5b7b226e616d65223a227468616c6573222c2265706f6368223a317d2c7b226e616d"
                + "65223a227079746861676f726173222c2265706f6368223a327d5d2c227369676e6174757265223a22633539373"
                + "9653333663163336234376361306162353239386536353562316264653235656564303866356232653536663361"
                + "6439623964373638316164663138653164656562623731616135616132636234363564643831323239633637656"
                + "33030326463396632663563363664663931333164366561633039666565373065227d";
        Map<?, ?> payload = HexJson.toObject(HexJson.parseJsonHex(golden), "payload");
        String signatureHex = (String) payload.get("signature");
        String markersJson = "[{\"name\":\"thales\",\"epoch\":1},{\"name\":\"pythagoras\",\"epoch\":2}]";
        String text = new String(HexJson.fromHex(golden), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"markers\":" + markersJson + ","), text);

        byte[] signed = markersJson.getBytes(StandardCharsets.UTF_8);
        Ed25519Signature signature = Ed25519Signature.decode(signatureHex);
        TEST_KEY.verificationKey().verify(signed, signature);
        assertEquals(signatureHex, TEST_KEY.sign(signed).toBytesHex());
        assertFalse(TEST_KEY.verificationKey()
                .isValid(markersJson.replace('1', '3').getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void ancillaryManifestTestKeyAndSignature() {
        // artifacts.md §6.4: end-to-end ancillary key pair and the signature of a manifest hash
        assertEquals(
                "5b3131382c3138342c3232342c3137332c3136302c3234312c36312c3134342c36342c39332c3130362c3232392c"
                        + "38332c3133342c3138392c34302c3138392c3231302c32352c3138342c3136302c3134312c3233372c32362c3136"
                        + "382c35342c3233392c3230342c3133392c3131392c31332c3139395d",
                TEST_KEY.toJsonHex());
        byte[] manifestHash = HexJson.fromHex("7b9692db6c1775d208037ed3445da9c8b173a9db5702ee34d125d6cf15bcf67f");
        Ed25519Signature sig = TEST_KEY.sign(manifestHash);
        assertEquals(
                "352c03ee5f23e3d89d77d965e2ce512c5db30e5c4b239fd751218c58e7e344ce9a7315f2d873302c0522348c7403"
                        + "814fa087aad52919470b4f747f9206782a08",
                sig.toBytesHex());
        TEST_KEY.verificationKey().verify(manifestHash, sig);
        assertEquals(TEST_KEY, Ed25519SigningKey.decode(TEST_KEY.toBytesHex()), "plain-hex fallback of the secret key");
    }
}
