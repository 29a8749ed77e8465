package io.mithrilj.aggregator.crypto.kes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.HexJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sum6KesTest {
    private static final byte[] MSG = "Test message for KES signing".getBytes(StandardCharsets.US_ASCII);
    private static final String ZERO_SEED_VK = "e650d7531509bb6cffd7998c28c68e4ec8fa621a0952206ea11eb03fcd7dcb29";

    static Sum6KesSigningKey zeroSeedKeyAt(int period) {
        Sum6KesSigningKey sk = Sum6KesSigningKey.generate(new byte[32]);
        sk.updateTo(period);
        return sk;
    }

    @Test
    void zeroSeedPublicKeyMatchesUpstreamVector() {
        assertEquals(
                ZERO_SEED_VK,
                Sum6KesSigningKey.generate(new byte[32]).publicKey().toHex());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 15, 16, 31, 32, 33, 47, 62, 63})
    void signVerifyRoundTripAndNeighbourPeriodsFail(int period) {
        Sum6KesSigningKey sk = zeroSeedKeyAt(period);
        assertEquals(period, sk.period());
        KesPublicKey vk = sk.publicKey();
        assertEquals(ZERO_SEED_VK, vk.toHex(), "the root key never changes");
        Sum6KesSignature sig = sk.sign(MSG);
        assertEquals(448, sig.toBytes().length);
        sig.verify(period, vk, MSG);
        for (int other : new int[] {period - 1, period + 1}) {
            if (other >= 0 && other < 64) {
                KesSignatureInvalidException e =
                        assertThrows(KesSignatureInvalidException.class, () -> sig.verify(other, vk, MSG));
                assertEquals(other, e.kesEvolutions());
            }
        }
        assertThrows(
                KesSignatureInvalidException.class,
                () -> sig.verify(period, vk, "other".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void period64AndNegativeAreOutOfRange() {
        Sum6KesSigningKey sk = zeroSeedKeyAt(63);
        Sum6KesSignature sig = sk.sign(MSG);
        KesPeriodOutOfRangeException e =
                assertThrows(KesPeriodOutOfRangeException.class, () -> sig.verify(64, sk.publicKey(), MSG));
        assertEquals(64, e.evolutions());
        assertThrows(KesPeriodOutOfRangeException.class, () -> sig.verify(-1, sk.publicKey(), MSG));
        assertThrows(KesPeriodOutOfRangeException.class, () -> sig.verify(Long.MAX_VALUE, sk.publicKey(), MSG));
        assertFalse(Sum6Kes.isValid(64, sk.publicKey(), MSG, sig));
    }

    @Test
    void keyCannotEvolvePastPeriod63() {
        Sum6KesSigningKey sk = zeroSeedKeyAt(63);
        KesPeriodOutOfRangeException e = assertThrows(KesPeriodOutOfRangeException.class, sk::update);
        assertEquals(64, e.evolutions());
        assertEquals(63, sk.period(), "a failed update leaves the key unchanged");
        assertThrows(
                KesPeriodOutOfRangeException.class,
                () -> Sum6KesSigningKey.generate(new byte[32]).updateTo(64));
        Sum6KesSigningKey at5 = zeroSeedKeyAt(5);
        assertThrows(KesPeriodOutOfRangeException.class, () -> at5.updateTo(4), "no going back");
    }

    @Test
    void everyPeriodSignsAndVerifiesOnlyAtItsOwnPeriod() {
        Sum6KesSigningKey sk = Sum6KesSigningKey.generate(
                HexJson.fromHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"));
        KesPublicKey vk = sk.publicKey();
        for (int t = 0; t < 64; t++) {
            Sum6KesSignature sig = sk.sign(MSG);
            assertTrue(Sum6Kes.isValid(t, vk, MSG, sig), "period " + t);
            if (t > 0) {
                assertFalse(Sum6Kes.isValid(t - 1, vk, MSG, sig), "period " + t + " at " + (t - 1));
            }
            if (t < 63) {
                sk.update();
            }
        }
    }

    @Test
    void dmqPositiveVectorIsReproducedByteForByte() throws IOException {
        // cardano-node.md §8.8: payload signed at evolution 3 by the zero-seed Sum6 key; opcert issue 0,
        // start 2, cold key = the deterministic ChaCha20 key
        byte[] message;
        try (InputStream in = getClass().getResourceAsStream("dmq-positive-vector.hex")) {
            message = HexJson.fromHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
        assertEquals(1116, message.length);
        byte[] payload = Arrays.copyOfRange(message, 1, 528);
        byte[] kesSig = Arrays.copyOfRange(message, 531, 531 + 448);
        byte[] opcertBody = Arrays.copyOfRange(message, 979, 979 + 103);
        byte[] coldVk = Arrays.copyOfRange(message, 1084, 1116);

        Sum6KesSigningKey sk = zeroSeedKeyAt(3);
        assertArrayEquals(kesSig, sk.sign(payload).toBytes());
        Sum6KesSignature.fromBytes(kesSig).verify(3, sk.publicKey(), payload);

        OperationalCertificate opcert =
                OperationalCertificate.create(sk.publicKey(), 0, 2, Ed25519SigningKey.deterministicTestKey());
        assertArrayEquals(opcertBody, opcert.toCborBytesWithoutColdKey());
        assertArrayEquals(coldVk, opcert.coldVerificationKey().toBytes());
        assertEquals("pool1mxyec46067n3querj9cxkk0g0zlag93pf3ya9vuyr3wgkq2e6t7", opcert.partyId());
    }

    @Test
    void secretKeyBytesRoundTrip() {
        Sum6KesSigningKey sk = zeroSeedKeyAt(37);
        byte[] bytes = sk.toBytes();
        assertEquals(612, bytes.length);
        assertArrayEquals(new byte[] {0, 0, 0, 37}, Arrays.copyOfRange(bytes, 608, 612));
        Sum6KesSigningKey back = Sum6KesSigningKey.fromBytes(bytes);
        assertEquals(37, back.period());
        assertEquals(sk.sign(MSG), back.sign(MSG));
        assertArrayEquals(bytes, back.toBytes());

        Sum6KesSigningKey fresh = Sum6KesSigningKey.generate(new byte[32]);
        Sum6KesSigningKey fromCliFormat = Sum6KesSigningKey.fromBytes(Arrays.copyOf(fresh.toBytes(), 608));
        assertEquals(0, fromCliFormat.period());
        assertEquals(fresh.sign(MSG), fromCliFormat.sign(MSG));
        fromCliFormat.updateTo(37);
        assertEquals(sk.sign(MSG), fromCliFormat.sign(MSG), "evolving a reloaded key gives the same key");

        byte[] badPeriod = bytes.clone();
        badPeriod[611] = 64;
        assertThrows(CodecException.class, () -> Sum6KesSigningKey.fromBytes(badPeriod));
        assertThrows(CodecException.class, () -> Sum6KesSigningKey.fromBytes(new byte[100]));
        assertFalse(sk.toString().contains(HexJson.toHex(Arrays.copyOf(bytes, 8))));
    }

    @Test
    void pastPeriodsAreErased() {
        Sum6KesSigningKey sk = Sum6KesSigningKey.generate(new byte[32]);
        byte[] atZero = sk.toBytes();
        sk.updateTo(32);
        byte[] at32 = sk.toBytes();
        // the level-6 right seed is consumed at the switch to the right half
        int level6Seed = 32 + 96 * 5;
        assertNotEquals(
                HexJson.toHex(new byte[32]), HexJson.toHex(Arrays.copyOfRange(atZero, level6Seed, level6Seed + 32)));
        assertArrayEquals(new byte[32], Arrays.copyOfRange(at32, level6Seed, level6Seed + 32));
        assertFalse(Arrays.equals(Arrays.copyOf(atZero, 32), Arrays.copyOf(at32, 32)));
    }

    @Test
    void everyFlippedSignatureByteFails() {
        Sum6KesSigningKey sk = zeroSeedKeyAt(21);
        byte[] sig = sk.sign(MSG).toBytes();
        for (int i = 0; i < sig.length; i++) {
            byte[] bad = sig.clone();
            bad[i] ^= 0x01;
            Sum6KesSignature badSig = Sum6KesSignature.fromBytes(bad);
            assertThrows(KesSignatureInvalidException.class, () -> badSig.verify(21, sk.publicKey(), MSG), "byte " + i);
        }
    }

    @Test
    void signatureCodecs() {
        Sum6KesSignature sig = zeroSeedKeyAt(9).sign(MSG);
        String json = sig.encode();
        assertTrue(json.startsWith(HexJson.jsonToHex("{\"sigma\":{\"sigma\":")));
        assertEquals(sig, Sum6KesSignature.decode(json));
        assertEquals(sig, Sum6KesSignature.decode(sig.toBytesHex()));
        assertEquals(sig, Sum6KesSignature.decode(" " + json.toUpperCase() + "\n"));
        // field order does not matter when decoding
        String reordered = sig.toJson()
                .replaceFirst(
                        "^\\{\"sigma\":",
                        "{\"rhs_pk\":" + HexJson.jsonByteArray(Arrays.copyOfRange(sig.toBytes(), 416, 448))
                                + ",\"sigma\":")
                .replaceFirst(",\"rhs_pk\":\\[[0-9,]*\\]\\}$", "}");
        assertEquals(sig, Sum6KesSignature.fromJsonHex(HexJson.jsonToHex(reordered)));
        assertThrows(CodecException.class, () -> Sum6KesSignature.decode(HexJson.toHex(new byte[447])));
        assertThrows(CodecException.class, () -> Sum6KesSignature.decode(HexJson.jsonToHex("{\"sigma\":[1]}")));
    }

    @Property(tries = 200)
    void signatureEncodeDecodeEncodeIsIdentity(@ForAll @Size(448) byte[] raw) {
        Sum6KesSignature sig = Sum6KesSignature.fromBytes(raw);
        String json = sig.encode();
        assertEquals(json, Sum6KesSignature.decode(json).encode());
        assertEquals(json, Sum6KesSignature.decode(sig.toBytesHex()).encode());
        assertEquals(sig.toBytesHex(), Sum6KesSignature.decode(json).toBytesHex());
    }

    @Property(tries = 15)
    void randomKeysSignAndVerifyAtRandomPeriods(
            @ForAll @Size(32) byte[] seed, @ForAll @IntRange(min = 0, max = 63) int period) {
        Sum6KesSigningKey sk = Sum6KesSigningKey.generate(seed);
        sk.updateTo(period);
        Sum6KesSignature sig = sk.sign(seed);
        sig.verify(period, sk.publicKey(), seed);
        assertFalse(Sum6Kes.isValid(period ^ 1, sk.publicKey(), seed, sig));
        assertEquals(sk.publicKey(), Sum6KesSigningKey.generate(seed).publicKey());
    }
}
