package io.mithrilj.aggregator.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.testing.UpstreamReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ed25519 against the reference fixtures and upstream's golden constants. */
class Ed25519FixtureTest {

    /** The genesis certificate of certificates.json (the only one with a genesis_signature). */
    private static Map<?, ?> genesisCertificate() {
        Map<?, ?> certificates =
                (Map<?, ?>) HexJson.parseJson(UpstreamReference.text("aggregator-fake-data/certificates.json"));
        Map<?, ?> found = null;
        for (Object c : certificates.values()) {
            Map<?, ?> cert = (Map<?, ?>) c;
            Object sig = cert.get("genesis_signature");
            if (sig instanceof String s && !s.isEmpty()) {
                assertEquals(null, found, "only one genesis certificate expected");
                found = cert;
            }
        }
        assertTrue(found != null, "genesis certificate present");
        return found;
    }

    @Test
    void fixtureGenesisKeyDecodesAndReencodes() {
        String encoded = UpstreamReference.GENESIS_VERIFICATION_KEY;
        Ed25519VerificationKey vk = Ed25519VerificationKey.decode(encoded);
        assertEquals("20fdbac9b10b7587bba7b5bc163bce69e796d71e4ed44c10fcb4488689f7a144", vk.toBytesHex());
        assertEquals(encoded, vk.toJsonHex());
        assertEquals(encoded, vk.encode());
    }

    @Test
    void deterministicTestKeyIsTheFixtureGenesisKey() {
        Ed25519SigningKey sk = Ed25519SigningKey.deterministicTestKey();
        assertEquals("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7", sk.toBytesHex());
        assertEquals(
                UpstreamReference.GENESIS_VERIFICATION_KEY, sk.verificationKey().toJsonHex());
        assertFalse(sk.toString().contains("76b8e0ad"), "toString redacts the seed");
        assertFalse(sk.toString().contains(sk.toJsonHex()), "toString redacts the seed");
    }

    @Test
    void fixtureGenesisSignatureVerifiesOverAsciiSignedMessage() {
        Map<?, ?> genesis = genesisCertificate();
        String signedMessage = (String) genesis.get("signed_message");
        String sigHex = (String) genesis.get("genesis_signature");
        Ed25519Signature sig = Ed25519Signature.decode(sigHex);
        assertEquals(sigHex, sig.encode(), "bytes-hex is the primary form");
        Ed25519VerificationKey vk = Ed25519VerificationKey.decode(UpstreamReference.GENESIS_VERIFICATION_KEY);

        vk.verify(signedMessage.getBytes(StandardCharsets.US_ASCII), sig);
        // not over the 32 raw bytes the hex stands for
        assertFalse(vk.isValid(HexJson.fromHex(signedMessage), sig));
    }

    @Test
    void resigningWithDeterministicKeyReproducesFixtureSignature() {
        Map<?, ?> genesis = genesisCertificate();
        byte[] message = ((String) genesis.get("signed_message")).getBytes(StandardCharsets.US_ASCII);
        Ed25519Signature sig = Ed25519SigningKey.deterministicTestKey().sign(message);
        assertEquals(genesis.get("genesis_signature"), sig.toBytesHex());
    }

    @Test
    void flippedCharacterOfFixtureSignatureFails() {
        Map<?, ?> genesis = genesisCertificate();
        byte[] message = ((String) genesis.get("signed_message")).getBytes(StandardCharsets.US_ASCII);
        String sigHex = (String) genesis.get("genesis_signature");
        Ed25519VerificationKey vk = Ed25519VerificationKey.decode(UpstreamReference.GENESIS_VERIFICATION_KEY);
        for (int i = 0; i < sigHex.length(); i++) {
            char c = sigHex.charAt(i);
            char flipped = c == '0' ? '1' : '0';
            String bad = sigHex.substring(0, i) + flipped + sigHex.substring(i + 1);
            Ed25519Signature badSig = Ed25519Signature.decode(bad);
            Ed25519VerificationException e =
                    assertThrows(Ed25519VerificationException.class, () -> vk.verify(message, badSig));
            assertTrue(e.reason() != null);
        }
        // and one flipped character of the message
        byte[] badMessage = message.clone();
        badMessage[0] ^= 0x01;
        Ed25519VerificationException e = assertThrows(
                Ed25519VerificationException.class, () -> vk.verify(badMessage, Ed25519Signature.decode(sigHex)));
        assertEquals(Ed25519VerificationException.Reason.SIGNATURE_MISMATCH, e.reason());
    }

    @Test
    void upstreamGoldenPairDecodesAndMatches() {
        // upstream crypto_helper/ed25519.rs test constants
        String goldenVk = "5b32332c32372c3131322c362c35372c38342c3138302c342c3135302c3233322c3233372c3132362c3131392c"
                + "3231342c33352c35342c38312c3230382c3231372c39392c3137302c3233312c3133392c362c3132322c39342c3"
                + "9322c3137322c32332c3130322c3135372c3136375d";
        String goldenSk = "5b34332c3133322c3232312c3138382c3235332c3132372c3235352c38362c3136322c3133312c3233332c3131"
                + "362c3134322c3233352c3131312c3133332c3134312c3138332c302c33392c3132302c3139372c39322c3133302"
                + "c3233342c34362c3135372c32352c3133322c31352c3234312c3235345d";
        Ed25519VerificationKey vk = Ed25519VerificationKey.decode(goldenVk);
        Ed25519SigningKey sk = Ed25519SigningKey.decode(goldenSk);
        assertEquals("171b70063954b40496e8ed7e77d6233651d0d963aae78b067a5e5cac17669da7", vk.toBytesHex());
        assertEquals(vk, sk.verificationKey());
        assertEquals(goldenVk, vk.toJsonHex());
        assertEquals(goldenSk, sk.toJsonHex());
        byte[] msg = "some message.".getBytes(StandardCharsets.US_ASCII);
        vk.verify(msg, sk.sign(msg));
    }

    @Test
    void chaChaKeystreamMatchesRfc8439ZeroVector() {
        // RFC 8439 §A.1 test vector #1 (all-zero key and nonce, counter 0), first 64 bytes
        assertArrayEquals(
                HexJson.fromHex("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
                        + "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"),
                Ed25519SigningKey.chaCha20ZeroKeystream(64));
    }
}
