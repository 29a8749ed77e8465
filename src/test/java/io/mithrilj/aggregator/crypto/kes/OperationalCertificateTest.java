package io.mithrilj.aggregator.crypto.kes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OperationalCertificateTest {
    private static final KesPublicKey ZERO_SEED_KES_VK =
            KesPublicKey.fromHex("e650d7531509bb6cffd7998c28c68e4ec8fa621a0952206ea11eb03fcd7dcb29");

    private static OperationalCertificate upstreamVectorOpcert() {
        return OperationalCertificate.create(ZERO_SEED_KES_VK, 0, 0, Ed25519SigningKey.deterministicTestKey());
    }

    @Test
    void upstreamOpcertVector() {
        OperationalCertificate opcert = upstreamVectorOpcert();
        opcert.validate();
        assertEquals(
                "845820e650d7531509bb6cffd7998c28c68e4ec8fa621a0952206ea11eb03fcd7dcb2900005840d4abce27da05"
                        + "ff03c1342cc6ab53135072e1babf9cc05492f59f1ff009f70457aaa862c7158b13be0cfb41d7a91a562589bc110eb2"
                        + "cdaf5d2756048abbea5f05",
                HexJson.toHex(opcert.toCborBytesWithoutColdKey()));
        assertEquals("pool1mxyec46067n3querj9cxkk0g0zlag93pf3ya9vuyr3wgkq2e6t7", opcert.partyId());
        assertEquals("d9899c574fd7a710732391706b59e878bfd416214c49d2b3841c5c8b", opcert.poolIdHex());
    }

    @Test
    void upstreamBech32Vector() {
        assertEquals(
                "pool1ahazpr2yz5gljk2m4q8g7wnmq7m2sr9unhdfmr5arhqrjnntwdz",
                Bech32.encode("pool", HexJson.fromHex("edfa208d441511f9595ba80e8f3a7b07b6a80cbc9dda9d8e9d1dc039")));
        Bech32.Decoded d = Bech32.decode("pool1ahazpr2yz5gljk2m4q8g7wnmq7m2sr9unhdfmr5arhqrjnntwdz");
        assertEquals("pool", d.hrp());
        assertEquals("edfa208d441511f9595ba80e8f3a7b07b6a80cbc9dda9d8e9d1dc039", HexJson.toHex(d.data()));
        assertThrows(
                CodecException.class, () -> Bech32.decode("pool1ahazpr2yz5gljk2m4q8g7wnmq7m2sr9unhdfmr5arhqrjnntwdx"));
        // BIP-173 valid test vector
        assertEquals("a", Bech32.decode("A12UEL5L").hrp());
    }

    @Test
    void cborAndJsonForms() {
        OperationalCertificate opcert = upstreamVectorOpcert();
        byte[] cbor = opcert.toCborBytes();
        assertEquals(0x82, cbor[0] & 0xff);
        assertEquals(
                HexJson.toHex(opcert.toCborBytesWithoutColdKey()),
                HexJson.toHex(java.util.Arrays.copyOfRange(cbor, 1, cbor.length - 34)));
        assertEquals(
                "5820" + opcert.coldVerificationKey().toBytesHex(),
                HexJson.toHex(java.util.Arrays.copyOfRange(cbor, cbor.length - 34, cbor.length)));
        assertEquals(opcert, OperationalCertificate.decode(opcert.toBytesHex()));
        assertEquals(opcert, OperationalCertificate.decode(opcert.toJsonHex()));
        assertTrue(opcert.toJson().startsWith("[[[230,80,215,"));
        assertTrue(opcert.toJson().contains("],0,0,[212,171,"));
        // ciborium ignores trailing bytes after the first item; so do we
        assertEquals(opcert, OperationalCertificate.fromCborBytes(concat(cbor, new byte[] {0x00, 0x01})));
        // indefinite-length arrays decode too
        byte[] indefinite = concat(
                new byte[] {(byte) 0x9f}, java.util.Arrays.copyOfRange(cbor, 1, cbor.length), new byte[] {(byte) 0xff});
        assertEquals(opcert, OperationalCertificate.fromCborBytes(indefinite));
    }

    @Test
    void decodingErrors() {
        OperationalCertificate opcert = upstreamVectorOpcert();
        String json = opcert.toJson();
        assertThrows(
                CodecException.class,
                () -> OperationalCertificate.decode(HexJson.jsonToHex(json.replace("],0,0,[", "],-1,0,["))));
        assertThrows(
                CodecException.class,
                () -> OperationalCertificate.decode(
                        HexJson.jsonToHex(json.replace("],0,0,[", "],18446744073709551616,0,["))));
        assertThrows(CodecException.class, () -> OperationalCertificate.decode(HexJson.jsonToHex("[[1,2,3,4],[5]]")));
        byte[] cbor = opcert.toCborBytes();
        assertThrows(
                CodecException.class, () -> OperationalCertificate.fromCborBytes(java.util.Arrays.copyOf(cbor, 50)));
        assertThrows(CodecException.class, () -> OperationalCertificate.decode("zz"));
        // a u64 at its maximum is fine
        OperationalCertificate max =
                OperationalCertificate.create(ZERO_SEED_KES_VK, -1L, -1L, Ed25519SigningKey.deterministicTestKey());
        assertTrue(max.toJson().contains(",18446744073709551615,18446744073709551615,"));
        assertEquals(max, OperationalCertificate.decode(max.toJsonHex()));
        assertEquals(max, OperationalCertificate.decode(max.toBytesHex()));
        max.validate();
    }

    @Test
    void tamperedFieldsInvalidateTheCertificate() {
        OperationalCertificate ok = upstreamVectorOpcert();
        Ed25519SigningKey cold = Ed25519SigningKey.deterministicTestKey();
        OperationalCertificate[] bad = {
            OperationalCertificate.of(
                    ok.kesVerificationKey(), 1, 0, ok.certificateSignature(), ok.coldVerificationKey()),
            OperationalCertificate.of(
                    ok.kesVerificationKey(), 0, 1, ok.certificateSignature(), ok.coldVerificationKey()),
            OperationalCertificate.of(
                    KesPublicKey.fromBytes(new byte[32]), 0, 0, ok.certificateSignature(), ok.coldVerificationKey()),
            OperationalCertificate.of(ok.kesVerificationKey(), 0, 0, cold.sign(new byte[48]), ok.coldVerificationKey()),
            OperationalCertificate.of(
                    ok.kesVerificationKey(),
                    0,
                    0,
                    ok.certificateSignature(),
                    Ed25519SigningKey.fromSeed(new byte[32]).verificationKey()),
        };
        for (OperationalCertificate b : bad) {
            assertThrows(OpCertInvalidException.class, b::validate, b.toString());
            assertFalse(b.isValid());
        }
        assertTrue(ok.isValid());
    }

    @Test
    void computeHashIsSha256OfTheFields() throws Exception {
        OperationalCertificate opcert = upstreamVectorOpcert();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] expected = sha.digest(concat(
                opcert.signedMessage(),
                opcert.certificateSignature().toBytes(),
                opcert.coldVerificationKey().toBytes()));
        assertEquals(HexJson.toHex(expected), opcert.computeHash());
    }

    @Property(tries = 100)
    void encodeDecodeEncodeIsIdentity(
            @ForAll @Size(32) byte[] kesVk,
            @ForAll long issue,
            @ForAll long start,
            @ForAll @Size(64) byte[] sig,
            @ForAll @Size(32) byte[] coldSeed) {
        OperationalCertificate opcert = OperationalCertificate.of(
                KesPublicKey.fromBytes(kesVk),
                issue,
                start,
                Ed25519Signature.fromBytes(sig),
                Ed25519SigningKey.fromSeed(coldSeed).verificationKey());
        String json = opcert.encode();
        assertEquals(json, OperationalCertificate.decode(json).encode());
        assertEquals(json, OperationalCertificate.decode(opcert.toBytesHex()).encode());
        assertArrayEquals(
                opcert.toCborBytes(), OperationalCertificate.decode(json).toCborBytes());
    }

    @Property(tries = 200)
    void bech32RoundTrip(@ForAll @Size(max = 40) byte[] data) {
        String s = Bech32.encode("pool", data);
        assertArrayEquals(data, Bech32.decode(s).data());
        assertEquals(s, Bech32.encode("pool", Bech32.decode(s.toUpperCase()).data()));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
