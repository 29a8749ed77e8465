package io.mithrilj.aggregator.crypto.stm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key registration: duplicate before PoP, invalid PoP, batch semantics equal to one-by-one registration. */
class StmRegistrationTest {

    static List<StmVerificationKeyPoP> keys(int n) {
        ChaChaRng rng = new ChaChaRng(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        List<StmVerificationKeyPoP> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(StmVerificationKeyPoP.of(rng.nextKey()));
        }
        return out;
    }

    /** vk of one key with the PoP of another: decodes fine, fails the PoP. */
    static StmVerificationKeyPoP mismatched(StmVerificationKeyPoP a, StmVerificationKeyPoP b) throws StmException {
        byte[] bytes = a.toBytes();
        System.arraycopy(b.toBytes(), 96, bytes, 96, 96);
        return StmVerificationKeyPoP.fromBytes(bytes);
    }

    @Test
    void duplicateIsReportedBeforeThePop() throws Exception {
        List<StmVerificationKeyPoP> k = keys(3);
        StmKeyRegistration reg = new StmKeyRegistration();
        reg.register(10, k.get(0));
        assertThrows(StmException.KeyRegistered.class, () -> reg.register(11, k.get(0)));
        assertThrows(StmException.KeyRegistered.class, () -> reg.register(11, mismatched(k.get(0), k.get(1))));
        assertThrows(StmException.KeyInvalid.class, () -> reg.register(11, mismatched(k.get(1), k.get(2))));
        StmVerificationKeyPoP k2Half = mismatched(k.get(2), k.get(2));
        reg.register(5, k2Half);
        assertEquals(2, reg.size());
        StmClosedKeyRegistration closed = reg.close();
        assertEquals(15, closed.totalStake());
        assertEquals(5, closed.parties().get(0).stake());
    }

    @Test
    void batchRegistrationMatchesSequentialRegistration() throws Exception {
        List<StmVerificationKeyPoP> k = keys(12);
        List<StmKeyRegistration.Entry> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            good.add(new StmKeyRegistration.Entry(i + 1, k.get(i)));
        }
        StmKeyRegistration batch = new StmKeyRegistration();
        batch.registerAll(good);
        StmKeyRegistration seq = new StmKeyRegistration();
        for (StmKeyRegistration.Entry e : good) {
            seq.register(e.stake(), e.key());
        }
        assertEquals(seq.close().aggregateVerificationKey(), batch.close().aggregateVerificationKey());

        // a bad key in the middle is named; the prefix stays registered
        List<StmKeyRegistration.Entry> withBad = new ArrayList<>(good);
        withBad.add(4, new StmKeyRegistration.Entry(99, mismatched(k.get(10), k.get(11))));
        StmKeyRegistration r2 = new StmKeyRegistration();
        var e = assertThrows(StmException.KeyInvalid.class, () -> r2.registerAll(withBad));
        assertEquals(4, r2.size(), e.getMessage());

        // a duplicate after the bad key: the bad key is reported (it comes first)
        List<StmKeyRegistration.Entry> both = new ArrayList<>(withBad);
        both.add(new StmKeyRegistration.Entry(1, k.get(0)));
        assertThrows(StmException.KeyInvalid.class, () -> new StmKeyRegistration().registerAll(both));
        // a duplicate alone: KeyRegistered, entries before it registered
        List<StmKeyRegistration.Entry> dup = new ArrayList<>(good);
        dup.add(3, new StmKeyRegistration.Entry(1, k.get(1)));
        StmKeyRegistration r3 = new StmKeyRegistration();
        assertThrows(StmException.KeyRegistered.class, () -> r3.registerAll(dup));
        assertEquals(3, r3.size());
    }

    @Test
    void leavesSortedByStakeThenKeyBytes() throws Exception {
        List<StmVerificationKeyPoP> k = keys(6);
        StmKeyRegistration reg = new StmKeyRegistration();
        long[] stakes = {7, 3, 7, 3, 1, 7};
        for (int i = 0; i < 6; i++) {
            reg.register(stakes[i], k.get(i));
        }
        List<StmRegisteredParty> parties = reg.close().parties();
        for (int i = 1; i < parties.size(); i++) {
            StmRegisteredParty a = parties.get(i - 1);
            StmRegisteredParty b = parties.get(i);
            boolean ordered = a.stake() < b.stake()
                    || (a.stake() == b.stake() && Arrays.compareUnsigned(a.vk().toBytes(), b.vk().toBytes()) < 0);
            assertEquals(true, ordered);
        }
    }

    @Test
    void fiveLeafTreePathsVerify() throws Exception {
        List<StmVerificationKeyPoP> k = keys(5);
        StmKeyRegistration reg = new StmKeyRegistration();
        for (int i = 0; i < 5; i++) {
            reg.register(i + 1, k.get(i));
        }
        StmClosedKeyRegistration closed = reg.close();
        StmMerkleTree tree = closed.merkleTree();
        for (long[] idx : List.of(
                new long[] {4}, new long[] {0, 4}, new long[] {3, 4}, new long[] {0, 1, 2, 3, 4}, new long[] {2})) {
            List<StmRegisteredParty> leaves = Arrays.stream(idx)
                    .mapToObj(i -> closed.parties().get((int) i))
                    .toList();
            StmMerkleBatchPath path = tree.batchPath(idx);
            path.verify(leaves, tree.root(), 5);
            assertEquals(
                    path,
                    StmMerkleBatchPath.fromBytes(new Bytes.Reader(path.toBytes(), StmException.Origin.MERKLE_TREE)));
            assertThrows(StmException.class, () -> path.verify(leaves, tree.root(), 6)); // another tree shape
            byte[] otherRoot = tree.root();
            otherRoot[0] ^= 1;
            assertThrows(StmException.BatchPathInvalid.class, () -> path.verify(leaves, otherRoot, 5));
        }
        // path for leaf 4 carries B2b(Z || Z) as the value for the missing right subtree
        StmMerkleBatchPath p4 = tree.batchPath(new long[] {4});
        byte[] zz = Bytes.b2b256(StmMerkleTree.PAD, StmMerkleTree.PAD);
        assertEquals(Bytes.HEX.formatHex(zz), Bytes.HEX.formatHex(p4.values().get(0)));
    }
}
