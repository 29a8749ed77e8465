package io.mithrilj.aggregator.crypto.stm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upstream's golden vectors (seed [0; 32]) and the derived ones of spec §8.5. */
class StmGoldenTest {

    static byte[] ints(String csv) {
        String[] parts = csv.replaceAll("\\s", "").split(",");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i]);
        }
        return out;
    }

    static String hex(byte[] b) {
        return Bytes.HEX.formatHex(b);
    }

    static final String VKPOP_GOLDEN = """
            {"vk":[143,161,255,48,78,57,204,220,25,221,164,252,248,14,56,126,186,135,228,188,145,181,52,200,97,99,213,46,0,199,193,89,187,88,29,135,173,244,86,36,83,54,67,164,6,137,94,72,6,105,128,128,93,48,176,11,4,246,138,48,180,133,90,142,192,24,193,111,142,31,76,111,110,234,153,90,208,192,31,124,95,102,49,158,99,52,220,165,94,251,68,69,121,16,224,194],\
            "pop":[168,50,233,193,15,136,65,72,123,148,129,176,38,198,209,47,28,204,176,144,57,251,42,28,66,76,89,97,158,63,54,198,194,176,135,221,14,185,197,225,202,98,243,74,233,225,143,151,147,177,170,117,66,165,66,62,33,216,232,75,68,114,195,22,100,65,44,198,4,166,102,233,253,240,59,175,60,117,142,114,140,122,17,87,110,187,1,17,10,195,154,13,249,86,54,226]}""";

    static final String AGGREGATE_GOLDEN = """
            {"signatures":[[{"sigma":[149,157,201,187,140,54,0,128,209,88,16,203,61,78,77,98,161,133,58,152,29,74,217,113,64,100,10,161,186,167,133,114,211,153,218,56,223,84,105,242,41,54,224,170,208,185,126,83],"indexes":[1,4,5,8],"signer_index":0},\
            [[143,161,255,48,78,57,204,220,25,221,164,252,248,14,56,126,186,135,228,188,145,181,52,200,97,99,213,46,0,199,193,89,187,88,29,135,173,244,86,36,83,54,67,164,6,137,94,72,6,105,128,128,93,48,176,11,4,246,138,48,180,133,90,142,192,24,193,111,142,31,76,111,110,234,153,90,208,192,31,124,95,102,49,158,99,52,220,165,94,251,68,69,121,16,224,194],1]],\
            [{"sigma":[149,169,22,201,216,97,163,188,115,210,217,236,233,161,201,13,42,132,12,63,5,31,120,22,78,177,125,134,208,205,73,58,247,141,59,62,187,81,213,30,153,218,41,42,110,156,161,205],"indexes":[0,3,6],"signer_index":1},\
            [[145,56,175,32,122,187,214,226,251,148,88,9,1,103,159,146,80,166,107,243,251,236,41,28,111,128,207,164,132,147,228,83,246,228,170,68,89,78,60,28,123,130,88,234,38,97,42,65,1,100,53,18,78,131,8,61,122,131,238,84,233,223,154,118,118,73,28,27,101,78,80,233,123,206,220,174,134,205,71,110,112,180,97,98,0,113,69,145,231,168,43,173,172,56,104,208],1]]],\
            "batch_proof":{"values":[],"indices":[0,1],"hasher":null}}""";

    @Test
    void chachaKeystreamAndSigningKey() throws Exception {
        ChaChaRng rng = ChaChaRng.zeroSeed();
        byte[] ikm = rng.next(32);
        assertEquals("76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7", hex(ikm));
        StmSigningKey sk = StmSigningKey.fromSeed(ikm);
        assertArrayEquals(
                ints(
                        "64,129,87,121,27,239,221,215,2,103,45,207,207,201,157,163,81,47,156,14,168,24,137,15,203,106,183,73,88,14,242,207"),
                sk.toBytes());
        assertEquals(sk, StmSigningKey.fromBytes(sk.toBytes()));
        assertFalse(sk.toString().contains("64"));
        assertEquals("StmSigningKey[redacted]", sk.toString());
    }

    @Test
    void signingKeyDecodingRejectsZeroAndOrder() {
        assertThrows(StmException.SerializationError.class, () -> StmSigningKey.fromBytes(new byte[32]));
        byte[] r = Bytes.HEX.parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
        assertThrows(StmException.SerializationError.class, () -> StmSigningKey.fromBytes(r));
        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xff);
        assertThrows(StmException.SerializationError.class, () -> StmSigningKey.fromBytes(ff));
        r[31] = 0; // r - 1
        assertArrayEquals(r, assertDoesNotThrowKey(r));
        assertThrows(StmException.SerializationError.class, () -> StmSigningKey.fromBytes(new byte[31]));
    }

    private static byte[] assertDoesNotThrowKey(byte[] b) {
        try {
            return StmSigningKey.fromBytes(b).toBytes();
        } catch (StmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void verificationKeyAndProofOfPossessionGolden() throws Exception {
        StmSigningKey sk = ChaChaRng.zeroSeed().nextKey();
        StmVerificationKeyPoP pk = StmVerificationKeyPoP.of(sk);
        assertEquals(VKPOP_GOLDEN, pk.toJson());
        assertEquals(
                pk, StmVerificationKeyPoP.decode(Bytes.HEX.formatHex(VKPOP_GOLDEN.getBytes(StandardCharsets.UTF_8))));
        assertTrue(hex(pk.toBytes()).startsWith("8fa1ff304e39ccdc19dd"));
        assertEquals(
                "a832e9c10f8841487b9481b026c6d12f1cccb09039fb2a1c424c59619e3f36c6c2b087dd0eb9c5e1ca62f34ae9e18f97",
                hex(Arrays.copyOfRange(pk.toBytes(), 96, 144)));
        pk.verifyProofOfPossession();
        // signature of 32 zero bytes starts [132,95,124,197,..]
        byte[] sig = StmSignerAccess.sign(sk, new byte[32]);
        assertEquals("845f7cc5", hex(Arrays.copyOf(sig, 4)));
    }

    @Test
    void hashToCurveWithEmptyDst() {
        assertEquals(
                "99d61fe320105e14b9d2e1dfe32980207f916bb2eabffcf745e9033a02265af5235ad6abc4c02c6fc8b47bda3f9ed9ff",
                hex(Bls.hashToG1("PoP".getBytes(StandardCharsets.US_ASCII)).toBytes()));
        assertEquals(
                "88c7e388ee58f1db9a24d7098b01d13634298bebf2d159254975bd450cb0d287fcc622eb71edde8b469a8513551baf1f",
                hex(Bls.hashToG1(new byte[0]).toBytes()));
    }

    @Test
    void aggregateVerificationKeyOfFourPartiesAndBatchPaths() throws Exception {
        ChaChaRng rng = ChaChaRng.zeroSeed();
        StmParameters params = new StmParameters(10, 5, 0.8);
        StmKeyRegistration reg = new StmKeyRegistration();
        List<StmInitializer> inits = new ArrayList<>();
        for (int stake = 0; stake < 4; stake++) {
            StmInitializer init = new StmInitializer(params, stake, rng.nextKey());
            inits.add(init);
            reg.register(init.stake(), init.verificationKeyPoP());
        }
        StmClosedKeyRegistration closed = reg.close();
        StmAggregateVerificationKey avk = closed.aggregateVerificationKey();
        assertEquals("04036cb79141a645faca33405ae82d67388a663fd1f55116781006608cccd237", hex(avk.root()));
        assertEquals(4, avk.nrLeaves());
        assertEquals(6, avk.totalStake());
        assertEquals(
                "{\"mt_commitment\":{\"root\":[4,3,108,183,145,65,166,69,250,202,51,64,90,232,45,103,56,138,102,63,209,245,81,22,120,16,6,96,140,204,210,55],\"nr_leaves\":4,\"hasher\":null},\"total_stake\":6}",
                avk.toJson());
        StmMerkleTree tree = closed.merkleTree();
        assertPath(
                tree,
                new long[] {0, 2},
                "173ce894f970d09db6ca3b437f8ced56f2786087e00363e5ff0fde5dfd946062",
                "19c0df4ae09c3b352ef3a10b1a0450e1b9e33f12733ab07f80c38c94f9c82d94");
        assertPath(
                tree,
                new long[] {1},
                "1e886a6542459198891545a9c392abfbc56d90d5c1d89e0c83335cbce5904c84",
                "9a2aae645e326977f6aa7e46f231e2c907edfc2295554a5e141d8fc9bd2e0087");
        assertPath(tree, new long[] {0, 1, 2, 3});
        for (long[] idx : List.of(
                new long[] {0, 2}, new long[] {1}, new long[] {0, 1, 2, 3}, new long[] {3}, new long[] {1, 2, 3})) {
            List<StmRegisteredParty> leaves = Arrays.stream(idx)
                    .mapToObj(i -> closed.parties().get((int) i))
                    .toList();
            tree.batchPath(idx).verify(leaves, avk.root(), avk.nrLeaves());
        }
        // 3-leaf tree (padding with Z)
        StmMerkleTree three = StmMerkleTree.build(closed.parties().subList(0, 3));
        assertEquals("b63010281fade1554ca290e6b8aec49d2faace1db6938cd54daceb9db52a7089", hex(three.root()));
        assertPath(three, new long[] {2}, "c8bf1d7f31a8e9ff4580e0a91a3c17a52c2a7b5ca7c28ddde69689553b3b493c");
        three.batchPath(new long[] {2}).verify(List.of(closed.parties().get(2)), three.root(), 3);
        assertEquals("03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314", hex(StmMerkleTree.PAD));
    }

    private static void assertPath(StmMerkleTree tree, long[] indices, String... values) {
        StmMerkleBatchPath p = tree.batchPath(indices);
        assertEquals(
                List.of(values), p.values().stream().map(StmGoldenTest::hex).toList());
    }

    @Test
    void singleSignatureGolden() throws Exception {
        ChaChaRng rng = ChaChaRng.zeroSeed();
        StmParameters params = new StmParameters(10, 5, 0.8);
        StmSigningKey sk1 = rng.nextKey();
        StmSigningKey sk2 = rng.nextKey();
        StmKeyRegistration reg = new StmKeyRegistration();
        reg.register(1, StmVerificationKeyPoP.of(sk1));
        reg.register(1, StmVerificationKeyPoP.of(sk2));
        StmClosedKeyRegistration closed = reg.close();
        assertEquals(
                "38255f6b9d62fcc2beccaa1ae00ad407d65974c4d97a6f3871fd602daa79eb9f",
                hex(closed.aggregateVerificationKey().root()));
        StmSigner signer =
                new StmSigner(1, 1, params, sk1, StmVerificationKey.of(sk1), closed.aggregateVerificationKey());
        StmSingleSignature sig = signer.sign(new byte[16]).orElseThrow();
        byte[] golden = ints(
                "0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,4,0,0,0,0,0,0,0,5,0,0,0,0,0,0,0,8,149,157,201,187,140,54,0,128,209,88,16,203,"
                        + "61,78,77,98,161,133,58,152,29,74,217,113,64,100,10,161,186,167,133,114,211,153,218,56,223,84,105,242,41,54,224,170,208,185,126,83,0,0,0,0,0,0,0,1");
        assertArrayEquals(golden, sig.toBytes());
        assertEquals(sig, StmSingleSignature.fromBytes(golden));
        assertEquals(sig, StmSingleSignature.decode(sig.toJsonHex()));
        assertEquals(sig, StmSingleSignature.decode(hex(golden)));
        assertEquals(
                "{\"sigma\":[149,157,201,187,140,54,0,128,209,88,16,203,61,78,77,98,161,133,58,152,29,74,217,113,64,100,10,161,186,167,133,114,211,153,218,56,223,84,105,242,41,54,224,170,208,185,126,83],\"indexes\":[1,4,5,8],\"signer_index\":1}",
                sig.toJson());
        // trailing bytes are ignored, as upstream
        byte[] longer = Arrays.copyOf(golden, golden.length + 3);
        assertEquals(sig, StmSingleSignature.fromBytes(longer));
        assertThrows(
                StmException.SerializationError.class, () -> StmSingleSignature.fromBytes(Arrays.copyOf(golden, 90)));
        // verification as the aggregator does it, with the party at index 0 (sk1 is first)
        sig.verify(params, closed.parties().get(0), closed.aggregateVerificationKey(), new byte[16]);
        assertThrows(
                StmException.SignatureInvalid.class,
                () -> sig.verify(params, closed.parties().get(1), closed.aggregateVerificationKey(), new byte[16]));
        long[] more = Arrays.copyOf(sig.indexes(), 5);
        more[4] = 11;
        assertThrows(
                StmException.IndexBoundFailed.class,
                () -> new StmSingleSignature(sig.sigma(), more, 1)
                        .verify(params, closed.parties().get(0), closed.aggregateVerificationKey(), new byte[16]));
        more[4] = 2;
        assertThrows(
                StmException.LotteryLost.class,
                () -> new StmSingleSignature(sig.sigma(), more, 1)
                        .verify(params, closed.parties().get(0), closed.aggregateVerificationKey(), new byte[16]));
    }

    @Test
    void aggregateGolden() throws Exception {
        ChaChaRng rng = ChaChaRng.zeroSeed();
        StmParameters params = new StmParameters(10, 5, 0.8);
        StmSigningKey sk1 = rng.nextKey();
        StmSigningKey sk2 = rng.nextKey();
        StmKeyRegistration reg = new StmKeyRegistration();
        reg.register(1, StmVerificationKeyPoP.of(sk1));
        reg.register(1, StmVerificationKeyPoP.of(sk2));
        StmClosedKeyRegistration closed = reg.close();
        StmAggregateVerificationKey avk = closed.aggregateVerificationKey();
        StmClerk clerk = new StmClerk(params, closed);
        StmSingleSignature s1 = new StmSigner(0, 1, params, sk1, StmVerificationKey.of(sk1), avk)
                .sign(new byte[16])
                .orElseThrow();
        StmSingleSignature s2 = new StmSigner(1, 1, params, sk2, StmVerificationKey.of(sk2), avk)
                .sign(new byte[16])
                .orElseThrow();
        assertArrayEquals(new long[] {0, 3, 4, 5, 6}, s2.indexes());
        StmAggregateSignature agg = clerk.aggregate(List.of(s1, s2), new byte[16]);
        assertEquals(AGGREGATE_GOLDEN, agg.toJson());
        agg.verify(new byte[16], avk, params);
        StmAggregateSignature decoded =
                StmAggregateSignature.decode(hex(AGGREGATE_GOLDEN.getBytes(StandardCharsets.UTF_8)));
        assertEquals(agg, decoded);
        assertEquals(agg, StmAggregateSignature.decode(hex(agg.toBytes())));
        // order of submission does not matter
        assertEquals(
                AGGREGATE_GOLDEN, clerk.aggregate(List.of(s2, s1), new byte[16]).toJson());
        // k above what both can reach
        var e = assertThrows(
                StmException.NotEnoughSignatures.class,
                () -> new StmClerk(new StmParameters(10, 8, 0.8), closed).aggregate(List.of(s1, s2), new byte[16]));
        assertEquals(7, e.count());
        assertEquals(8, e.k());
        // a forged signature is dropped, the others still aggregate
        StmSingleSignature forged = new StmSingleSignature(s2.sigma(), s1.indexes(), 0);
        assertEquals(
                AGGREGATE_GOLDEN,
                clerk.aggregate(List.of(forged, s1, s2), new byte[16]).toJson());
        // signatures the caller verified are taken as they are, the others still checked: the forged one, not
        // vouched for, is dropped; vouching for both valid ones gives the same aggregate
        assertEquals(
                AGGREGATE_GOLDEN,
                clerk.aggregate(List.of(forged, s1, s2), new byte[16], s -> s != forged)
                        .toJson());
        assertEquals(
                AGGREGATE_GOLDEN,
                clerk.aggregate(List.of(forged, s1, s2), new byte[16], s -> s == s1)
                        .toJson());
        assertEquals(
                AGGREGATE_GOLDEN,
                clerk.aggregate(List.of(s2, forged, s1), new byte[16], s -> s != forged)
                        .toJson());
        // unsupported proof system byte
        byte[] bytes = agg.toBytes();
        bytes[0] = 1;
        assertThrows(StmException.UnsupportedProofSystem.class, () -> StmAggregateSignature.fromBytes(bytes));
    }

    @Test
    void lotteryThresholdValuesOfTheSpec() {
        assertPhi(StmLottery.threshold(1, 2, 0.95), new BigInteger("c6c1b4748024466d6c3c0324778f3", 16), -116);
        assertPhi(StmLottery.threshold(1, 2, 0.8), new BigInteger("8d8368e900489ebe50139e3d96091", 16), -116);
        assertTrue(StmLottery.threshold(5, 7, 1.0).alwaysWins());
        assertTrue(StmLottery.threshold(0, 7, 0.5).neverWins());
        assertTrue(StmLottery.threshold(3, 7, 0.0).neverWins());
    }

    private static void assertPhi(StmLottery.Threshold t, BigInteger m, int e) {
        BigInteger tm = t.mantissa();
        int te = t.exponent();
        while (!tm.testBit(0)) {
            tm = tm.shiftRight(1);
            te++;
        }
        while (!m.testBit(0)) {
            m = m.shiftRight(1);
            e++;
        }
        assertEquals(m, tm);
        assertEquals(e, te);
    }
}
