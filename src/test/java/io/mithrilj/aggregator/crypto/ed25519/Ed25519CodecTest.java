package io.mithrilj.aggregator.crypto.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mithrilj.aggregator.crypto.CodecException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** json-hex / bytes-hex codecs with upstream's primary/fallback order. */
class Ed25519CodecTest {
    private static final Ed25519SigningKey SK = Ed25519SigningKey.deterministicTestKey();

    @Property(tries = 200)
    void signingKeyEncodeDecodeEncodeIsIdentity(@ForAll @Size(32) byte[] seed) {
        Ed25519SigningKey sk = Ed25519SigningKey.fromSeed(seed);
        String json = sk.encode();
        assertEquals(json, Ed25519SigningKey.decode(json).encode());
        assertEquals(sk, Ed25519SigningKey.decode(sk.toBytesHex()));
        assertEquals(json, Ed25519SigningKey.decode(sk.toBytesHex()).encode());
    }

    @Property(tries = 200)
    void verificationKeyEncodeDecodeEncodeIsIdentity(@ForAll @Size(32) byte[] seed) {
        Ed25519VerificationKey vk = Ed25519SigningKey.fromSeed(seed).verificationKey();
        String json = vk.encode();
        assertEquals(json, Ed25519VerificationKey.decode(json).encode());
        assertEquals(json, Ed25519VerificationKey.decode(vk.toBytesHex()).encode());
        assertEquals(json, Ed25519VerificationKey.decode(json.toUpperCase()).encode());
        assertEquals(json, Ed25519VerificationKey.decode("  " + json + "\n").encode());
    }

    @Property(tries = 200)
    void signatureEncodeDecodeEncodeIsIdentity(@ForAll @Size(64) byte[] raw) {
        Ed25519Signature sig = Ed25519Signature.fromBytes(raw);
        String hex = sig.encode();
        assertEquals(128, hex.length());
        assertEquals(hex, Ed25519Signature.decode(hex).encode());
        assertEquals(hex, Ed25519Signature.decode(sig.toJsonHex()).encode());
    }

    @Property(tries = 100)
    void jsonByteArrayRoundTrip(@ForAll byte[] raw) {
        String json = HexJson.jsonByteArray(raw);
        assertEquals(json, HexJson.jsonByteArray(HexJson.toBytes(HexJson.parseJson(json), raw.length, "x")));
        assertEquals(
                HexJson.toHex(raw),
                HexJson.toHex(HexJson.fromHex(HexJson.toHex(raw).toUpperCase())));
    }

    @Test
    void jsonHexIsHexOfCompactJsonArray() {
        String json = HexJson.jsonByteArray(SK.verificationKey().toBytes());
        assertEquals('[', json.charAt(0));
        assertEquals(-1, json.indexOf(' '));
        assertEquals(HexJson.jsonToHex(json), SK.verificationKey().toJsonHex());
        assertEquals("5b", SK.verificationKey().toJsonHex().substring(0, 2));
    }

    @Test
    void decodingAcceptsJsonWhitespace() {
        byte[] vk = SK.verificationKey().toBytes();
        StringBuilder sb = new StringBuilder("[ ");
        for (int i = 0; i < vk.length; i++) {
            sb.append(i == 0 ? "" : " ,\n").append(vk[i] & 0xFF);
        }
        sb.append(" ]");
        assertEquals(SK.verificationKey(), Ed25519VerificationKey.decode(HexJson.jsonToHex(sb.toString())));
    }

    @Test
    void decodingErrors() {
        String json31 = HexJson.jsonToHex(HexJson.jsonByteArray(new byte[31]));
        assertThrows(CodecException.class, () -> Ed25519VerificationKey.decode(json31));
        assertThrows(CodecException.class, () -> Ed25519SigningKey.decode(json31));
        assertThrows(CodecException.class, () -> Ed25519Signature.decode(json31));
        assertThrows(CodecException.class, () -> Ed25519VerificationKey.decode("zz"));
        assertThrows(CodecException.class, () -> Ed25519VerificationKey.decode(""));
        assertThrows(CodecException.class, () -> Ed25519Signature.decode("00"));
        assertThrows(CodecException.class, () -> Ed25519Signature.fromBytes(new byte[63]));
        // out-of-range byte value, and a non-integer
        assertThrows(CodecException.class, () -> HexJson.toBytes(HexJson.parseJson("[256]"), 1, "x"));
        assertThrows(CodecException.class, () -> HexJson.toBytes(HexJson.parseJson("[-1]"), 1, "x"));
        assertThrows(CodecException.class, () -> HexJson.toBytes(HexJson.parseJson("[1.0]"), 1, "x"));
        assertThrows(CodecException.class, () -> HexJson.parseJson("[1] x"));
        assertThrows(CodecException.class, () -> HexJson.parseJson("{\"a\":1,\"a\":2}"));
        // bytes-hex fallback of a signature does not trim
        String padded = " " + SK.sign(new byte[0]).toBytesHex();
        assertThrows(CodecException.class, () -> Ed25519Signature.fromBytesHex(padded));
    }
}
