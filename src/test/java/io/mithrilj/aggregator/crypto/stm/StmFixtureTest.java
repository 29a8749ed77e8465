package io.mithrilj.aggregator.crypto.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The 51 multi-signed certificates, the 24 signer keys and the AVKs of the upstream 2603.1 fixture. */
class StmFixtureTest {

    static final String V1 = "0188b5cb4ad604d3c000099d799ab6c85b38624d947eb99fb49d527bfeec8173";
    static final String V2 = "1b54a6199f35cbc37b2acc36576c767c15c2e1cba194591b108b4d9d13ee65c2";

    @Test
    void all51MultiSignaturesVerifyAndReencodeExactly() throws Exception {
        List<Fixtures.Cert> certs = Fixtures.multiSignedCertificates();
        assertEquals(51, certs.size());
        for (Fixtures.Cert c : certs) {
            StmAggregateVerificationKey avk = StmAggregateVerificationKey.decode(c.avk());
            StmAggregateSignature sig = StmAggregateSignature.decode(c.multiSignature());
            sig.verify(c.message(), avk, c.params());
            assertEquals(c.avk(), avk.toJsonHex(), "AVK re-encoding of " + c.hash());
            assertEquals(c.multiSignature(), sig.toJsonHex(), "multi-signature re-encoding of " + c.hash());
            // byte-codec fallbacks decode to the same values
            assertEquals(sig, StmAggregateSignature.decode(Bytes.HEX.formatHex(sig.toBytes())));
            assertEquals(avk, StmAggregateVerificationKey.decode(Bytes.HEX.formatHex(avk.toBincode())));
        }
    }

    @Test
    void v1Details() throws Exception {
        Fixtures.Cert c = Fixtures.cert(V1);
        StmAggregateVerificationKey avk = StmAggregateVerificationKey.decode(c.avk());
        assertEquals(
                "8c4a7a246da33c855ac4b80049f49902b5fd337a9763af93d99831720af4ab75", Bytes.HEX.formatHex(avk.root()));
        assertEquals(2, avk.nrLeaves());
        assertEquals(40000000002L, avk.totalStake());
        StmAggregateSignature sig = StmAggregateSignature.decode(c.multiSignature());
        assertEquals(1, sig.signatures().size());
        StmSingleSignature s = sig.signatures().get(0).signature();
        assertEquals(85, s.indexes().length);
        assertEquals(
                "929ee05f3a70232ccc87c83bf01a719b6f08c62bd5980d2a8177252f206e1c601f91858df565595ca84eea41cba3bf8a",
                Bytes.HEX.formatHex(s.sigma().toBytes()));
        byte[] msgp = avk.concatenateWithMessage(c.message());
        assertEquals(
                "c7d6435e35358d8ed7c3596a77a7b420a8eaf3c0babf2b38955f73cdd04cd3936b089a0d9960cdb029e291c0a54c2279d5bdecdb0cdd69e64c5047557892fbb9",
                Bytes.HEX.formatHex(StmLottery.evaluate(msgp, 0, s.sigma().bytesView())));
        // byte codec of the multi-signature (spec §8.6)
        byte[] bytes = sig.toBytes();
        assertEquals(921, bytes.length);
        assertEquals(
                "83cfdbc995734a368e34a15c3821a37908e83f3bb89f8d4742beabd00a6c2e9e",
                Bytes.HEX.formatHex(Bytes.b2b256(bytes)));
        assertEquals(
                "208c4a7a246da33c855ac4b80049f49902b5fd337a9763af93d99831720af4ab7502fd02902f5009000000",
                Bytes.HEX.formatHex(avk.toBincode()));
        StmLottery.Threshold t = StmLottery.threshold(20000000001L, 40000000002L, 0.95);
        for (long i : new long[] {0, 3, 104, 105}) {
            assertTrue(StmLottery.isWon(t, msgp, i, s.sigma().bytesView()), "index " + i);
        }
        assertTrue(!StmLottery.isWon(t, msgp, 4, s.sigma().bytesView()));
    }

    @Test
    void v2RandomisersAndLeaves() throws Exception {
        Fixtures.Cert c = Fixtures.cert(V2);
        StmAggregateSignature sig = StmAggregateSignature.decode(c.multiSignature());
        byte[] r = StmAggregateSignature.randomisers(
                sig.signatures().stream().map(s -> s.signature().sigma()).toList());
        assertEquals("f82e0a51e9f45994e1ea1a8c137ecb938fb34654ddf942c632ca9bf09d547fde", Bytes.HEX.formatHex(r));
        assertEquals(
                "dc7e471aa5348e7e5b3339119d7383910375d703ed70b3b2925a656e133b6b04",
                Bytes.HEX.formatHex(Bytes.b2b256(sig.signatures().get(0).party().toBytes())));
        assertEquals(
                List.of(0L, 6L, 27L, 33L, 39L, 48L, 50L, 56L, 68L, 74L, 79L, 99L, 102L),
                Arrays.stream(sig.signatures().get(1).signature().indexes())
                        .boxed()
                        .toList());
    }

    @Test
    void all24SignerKeysHaveValidProofsOfPossession() throws Exception {
        List<Fixtures.Signer> signers = new ArrayList<>(Fixtures.stakeDistributionSigners());
        signers.addAll(Fixtures.epochSettingsSigners());
        assertEquals(24, signers.size());
        for (Fixtures.Signer s : signers) {
            StmVerificationKeyPoP key = StmVerificationKeyPoP.decode(s.verificationKey());
            key.verifyProofOfPossession();
            assertEquals(s.verificationKey(), key.toJsonHex());
            assertEquals(key, StmVerificationKeyPoP.decode(Bytes.HEX.formatHex(key.toBytes())));
        }
        // the batch path of registration agrees
        StmKeyRegistration reg = new StmKeyRegistration();
        List<StmKeyRegistration.Entry> entries = new ArrayList<>();
        for (Fixtures.Signer s : Fixtures.stakeDistributionSigners()) {
            if (s.epoch() == 12) {
                entries.add(new StmKeyRegistration.Entry(s.stake(), StmVerificationKeyPoP.decode(s.verificationKey())));
            }
        }
        reg.registerAll(entries);
        assertEquals(2, reg.size());
    }

    @Test
    void avksRebuiltFromStakeDistributionsMatchCertificatesByteForByte() throws Exception {
        Map<Long, List<Fixtures.Signer>> byEpoch = new TreeMap<>();
        for (Fixtures.Signer s : Fixtures.stakeDistributionSigners()) {
            byEpoch.computeIfAbsent(s.epoch(), e -> new ArrayList<>()).add(s);
        }
        Map<Long, String> rebuilt = new HashMap<>();
        for (Map.Entry<Long, List<Fixtures.Signer>> e : byEpoch.entrySet()) {
            StmKeyRegistration reg = new StmKeyRegistration();
            for (Fixtures.Signer s : e.getValue()) {
                reg.register(s.stake(), StmVerificationKeyPoP.decode(s.verificationKey()));
            }
            rebuilt.put(e.getKey(), reg.close().aggregateVerificationKey().toJsonHex());
        }
        int compared = 0;
        for (Fixtures.Cert c : Fixtures.multiSignedCertificates()) {
            String expected = rebuilt.get(c.epoch() - 1);
            if (expected != null) {
                assertEquals(c.avk(), expected, "certificate " + c.hash());
                compared++;
            }
        }
        assertTrue(compared >= 40, "compared " + compared);
        StmAggregateVerificationKey v2 = StmAggregateVerificationKey.decode(rebuilt.get(12L));
        assertEquals(
                "de25ece351380ec13407c506295acee0433d1b66031f7baa1d622c6dbb5ddf90", Bytes.HEX.formatHex(v2.root()));
    }

    // ---- tampering (spec §8.6) ---------------------------------------------------------------

    private static StmAggregateSignature withSignature(
            StmAggregateSignature a, StmSingleSignature s, StmRegisteredParty p) {
        return new StmAggregateSignature(List.of(new StmSignatureWithParty(s, p)), a.batchProof());
    }

    private static long[] append(long[] a, long v) {
        long[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    @Test
    void tamperingV1GivesTheMatchingError() throws Exception {
        Fixtures.Cert c = Fixtures.cert(V1);
        StmAggregateVerificationKey avk = StmAggregateVerificationKey.decode(c.avk());
        StmAggregateSignature sig = StmAggregateSignature.decode(c.multiSignature());
        StmParameters params = c.params();
        byte[] msg = c.message();
        StmSignatureWithParty only = sig.signatures().get(0);
        StmSingleSignature s = only.signature();
        StmRegisteredParty party = only.party();

        // append index 105 (= m): still valid
        withSignature(sig, new StmSingleSignature(s.sigma(), append(s.indexes(), 105), 0), party)
                .verify(msg, avk, params);
        var bound = assertThrows(
                StmException.IndexBoundFailed.class,
                () -> withSignature(sig, new StmSingleSignature(s.sigma(), append(s.indexes(), 106), 0), party)
                        .verify(msg, avk, params));
        assertEquals(106, bound.index());
        assertEquals(105, bound.m());
        assertThrows(
                StmException.LotteryLost.class,
                () -> withSignature(sig, new StmSingleSignature(s.sigma(), append(s.indexes(), 4), 0), party)
                        .verify(msg, avk, params));
        assertThrows(
                StmException.IndexNotUnique.class,
                () -> withSignature(sig, new StmSingleSignature(s.sigma(), append(s.indexes(), 0), 0), party)
                        .verify(msg, avk, params));
        sig.verify(msg, avk, new StmParameters(105, 85, 0.95));
        var nes = assertThrows(
                StmException.NotEnoughSignatures.class, () -> sig.verify(msg, avk, new StmParameters(105, 86, 0.95)));
        assertEquals(85, nes.count());
        assertEquals(86, nes.k());
        assertThrows(
                StmException.BatchPathInvalid.class,
                () -> new StmAggregateSignature(
                                sig.signatures(),
                                new StmMerkleBatchPath(sig.batchProof().values(), new long[] {1}))
                        .verify(msg, avk, params));
        // signer_index is not checked
        withSignature(sig, new StmSingleSignature(s.sigma(), s.indexes(), 1), party)
                .verify(msg, avk, params);
        // stake - 1: lottery still passes, the leaf no longer matches
        assertThrows(
                StmException.BatchPathInvalid.class,
                () -> withSignature(sig, s, new StmRegisteredParty(party.vk(), party.stake() - 1))
                        .verify(msg, avk, params));
        // a Merkle path node changed
        List<byte[]> values = sig.batchProof().values();
        values.get(0)[5] ^= 1;
        assertThrows(
                StmException.BatchPathInvalid.class,
                () -> new StmAggregateSignature(
                                sig.signatures(),
                                new StmMerkleBatchPath(values, sig.batchProof().indices()))
                        .verify(msg, avk, params));
        var ser = assertThrows(
                StmException.SerializationError.class,
                () -> new StmAggregateSignature(
                                sig.signatures(),
                                new StmMerkleBatchPath(
                                        List.of(), sig.batchProof().indices()))
                        .verify(msg, avk, params));
        assertEquals(StmException.Origin.MERKLE_TREE, ser.origin());
        // the message: lottery runs before BLS
        byte[] otherMsg = msg.clone();
        otherMsg[0] ^= 1;
        assertThrows(StmException.LotteryLost.class, () -> sig.verify(otherMsg, avk, params));
        // decoded 32 bytes as the message: BLS (or lottery) fails
        byte[] decoded = Bytes.HEX.parseHex(c.signedMessage());
        assertThrows(StmException.class, () -> sig.verify(decoded, avk, params));
        // the AVK root
        byte[] root = avk.root();
        root[0] ^= 1;
        assertThrows(
                StmException.class,
                () -> sig.verify(msg, new StmAggregateVerificationKey(root, 2, avk.totalStake()), params));
        // one sigma byte: the point no longer decodes, or is another point whose lottery/BLS fails
        String json = new String(Bytes.fromHex(c.multiSignature(), true), StandardCharsets.UTF_8);
        String tampered = json.replaceFirst("\\{\"sigma\":\\[146,158,", "{\"sigma\":[146,159,");
        assertTrue(!tampered.equals(json));
        String tamperedHex = Bytes.HEX.formatHex(tampered.getBytes(StandardCharsets.UTF_8));
        try {
            StmAggregateSignature t = StmAggregateSignature.decode(tamperedHex);
            assertThrows(StmException.LotteryLost.class, () -> t.verify(msg, avk, params));
        } catch (StmException.SerializationError expected) {
            assertEquals(StmException.Origin.BLS, expected.origin());
        }
    }

    @Test
    void tamperingV2SigmaSwapFailsBls() throws Exception {
        Fixtures.Cert c = Fixtures.cert(V2);
        StmAggregateVerificationKey avk = StmAggregateVerificationKey.decode(c.avk());
        StmAggregateSignature sig = StmAggregateSignature.decode(c.multiSignature());
        sig.verify(c.message(), avk, c.params());
        // the parties swapped: lottery still passes (equal stakes), batch path fails
        List<StmSignatureWithParty> s = sig.signatures();
        var swapped = List.of(
                new StmSignatureWithParty(s.get(0).signature(), s.get(1).party()),
                new StmSignatureWithParty(s.get(1).signature(), s.get(0).party()));
        assertThrows(
                StmException.BatchPathInvalid.class,
                () -> new StmAggregateSignature(swapped, sig.batchProof()).verify(c.message(), avk, c.params()));
        // BLS alone with swapped keys fails with SignatureInvalid
        assertThrows(
                StmException.SignatureInvalid.class,
                () -> new StmAggregateSignature(swapped, sig.batchProof())
                        .verifyBls(avk.concatenateWithMessage(c.message())));
        // total stake changed: the thresholds move
        assertThrows(
                StmException.class,
                () -> sig.verify(
                        c.message(),
                        new StmAggregateVerificationKey(avk.root(), avk.nrLeaves(), avk.totalStake() * 4),
                        c.params()));
    }
}
