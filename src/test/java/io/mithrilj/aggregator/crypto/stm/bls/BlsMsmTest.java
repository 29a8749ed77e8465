package io.mithrilj.aggregator.crypto.stm.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFM Pippenger sums equal jblst's mult + add loop; point decoding rules of spec §2.5. */
class BlsMsmTest {

    private static List<BlsSecretKey> keys(int n, long seed) {
        Random r = new Random(seed);
        List<BlsSecretKey> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] ikm = new byte[32];
            r.nextBytes(ikm);
            out.add(BlsSecretKey.keyGen(ikm));
        }
        return out;
    }

    private static byte[] scalars(int n, int nbits, long seed) {
        byte[] s = new byte[n * nbits / 8];
        new Random(seed).nextBytes(s);
        return s;
    }

    @Test
    void nativeMsmEqualsTheJblstLoop() {
        for (int n : new int[] {1, 2, 7, 64, Bls.PARALLEL_MSM_THRESHOLD + 17}) {
            List<BlsSecretKey> keys = keys(n, n);
            List<G1Point> g1 = keys.stream().map(BlsSecretKey::publicKeyG1).toList();
            List<G2Point> g2 = keys.stream().map(BlsSecretKey::publicKeyG2).toList();
            for (int nbits : new int[] {64, 128}) {
                byte[] sc = scalars(n, nbits, 31L * n + nbits);
                assertEquals(Bls.msmG1Loop(g1, sc, nbits), Bls.msmG1(g1, sc, nbits), "G1 n=" + n + " nbits=" + nbits);
                if (n <= 64 || nbits == 128) {
                    assertEquals(
                            Bls.msmG2Loop(g2, sc, nbits), Bls.msmG2(g2, sc, nbits), "G2 n=" + n + " nbits=" + nbits);
                }
            }
        }
    }

    @Test
    void decodingRules() throws Exception {
        G1Point g = G1Point.generator();
        assertEquals(g, G1Point.decompress(g.toBytes()));
        assertTrue(g.inGroup());
        assertThrows(BlsDecodingException.class, () -> G1Point.decompress(Arrays.copyOf(g.toBytes(), 47)));
        byte[] uncompressedFlag = g.toBytes();
        uncompressedFlag[0] &= 0x7f;
        assertThrows(BlsDecodingException.class, () -> G1Point.decompress(uncompressedFlag));
        byte[] inf = new byte[48];
        inf[0] = (byte) 0xc0;
        G1Point infinity = G1Point.decompress(inf);
        assertTrue(infinity.isInfinity());
        assertEquals(
                BlsDecodingException.Kind.INFINITY,
                assertThrows(BlsDecodingException.class, infinity::validateAsSignature)
                        .kind());
        // x = 4 is on the curve but outside the G1 subgroup (spec §2.5)
        byte[] x4 = new byte[48];
        x4[0] = (byte) 0x80;
        x4[47] = 4;
        G1Point outside = G1Point.decompress(x4);
        assertFalse(outside.inGroup());
        assertEquals(
                BlsDecodingException.Kind.NOT_IN_GROUP,
                assertThrows(BlsDecodingException.class, outside::validateAsSignature)
                        .kind());
        byte[] x2 = new byte[96];
        x2[0] = (byte) 0x80;
        x2[95] = 2;
        G2Point outside2 = G2Point.decompress(x2);
        assertEquals(
                BlsDecodingException.Kind.NOT_IN_GROUP,
                assertThrows(BlsDecodingException.class, outside2::validateAsKey)
                        .kind());
        byte[] notOnCurve = new byte[48];
        notOnCurve[0] = (byte) 0x80;
        notOnCurve[47] = 1; // x = 1: 1 + 4 = 5 is not a square mod p
        assertThrows(BlsDecodingException.class, () -> G1Point.decompress(notOnCurve));
    }

    @Test
    void randomisedChecks() {
        List<BlsSecretKey> keys = keys(20, 7);
        byte[] msg = "message".getBytes();
        List<G1Point> sigs = new ArrayList<>(keys.stream().map(k -> k.sign(msg)).toList());
        List<G2Point> vks = keys.stream().map(BlsSecretKey::publicKeyG2).toList();
        byte[] sc = scalars(20, 64, 1);
        assertTrue(Bls.verifyRandomized(sigs, vks, sc, 64, msg));
        assertFalse(Bls.verifyRandomized(sigs, vks, sc, 64, "other".getBytes()));
        sigs.set(3, keys.get(4).sign(msg));
        assertFalse(Bls.verifyRandomized(sigs, vks, sc, 64, msg));
        byte[] pop = "PoP".getBytes();
        List<G1Point> k1 = new ArrayList<>(keys.stream().map(k -> k.sign(pop)).toList());
        List<G1Point> k2 =
                new ArrayList<>(keys.stream().map(BlsSecretKey::publicKeyG1).toList());
        assertTrue(Bls.verifyPopsRandomized(vks, k1, k2, sc, 64, pop));
        k2.set(5, keys.get(6).publicKeyG1());
        assertFalse(Bls.verifyPopsRandomized(vks, k1, k2, sc, 64, pop));
        assertTrue(Bls.verify(keys.get(0).sign(msg), vks.get(0), msg));
        assertFalse(Bls.verify(keys.get(0).sign(msg), vks.get(1), msg));
        assertEquals("BlsSecretKey[redacted]", keys.get(0).toString());
    }
}
