package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Upstream {@code Clerk} with the Concatenation proof system: checks the collected single signatures, gives
 * each index to the signature with the smallest sigma, takes whole signatures in ascending-index order until
 * {@code k} indices are covered, sorts them by signer index and adds the batch Merkle path.
 *
 * <p>Unlike upstream, which checks each signature's BLS equation separately, all signatures are first checked in
 * one randomised batch (they share {@code msgp}); one-by-one checks run only if the batch fails, to drop the bad
 * ones. The set of signatures kept is the same.
 */
public final class StmClerk {

    private static final int BATCH_NBITS = 64;

    private final StmParameters params;
    private final StmClosedKeyRegistration registration;

    public StmClerk(StmParameters params, StmClosedKeyRegistration registration) {
        this.params = params;
        this.registration = registration;
    }

    /**
     * Makes every registered party's lottery threshold (cached, see {@link StmLottery#threshold}) and key point
     * ready now, on all cores, rather than at each party's first signature check.
     */
    public void prepareParties() {
        long total = registration.totalStake();
        registration.parties().parallelStream().forEach(p -> {
            StmLottery.threshold(p.stake(), total, params.phiF());
            p.vk().point().prepare();
        });
    }

    public StmAggregateVerificationKey aggregateVerificationKey() {
        return registration.aggregateVerificationKey();
    }

    /** Aggregates; throws {@link StmException.NotEnoughSignatures} if the valid signatures cover fewer than k indices. */
    public StmAggregateSignature aggregate(List<StmSingleSignature> signatures, byte[] message)
            throws StmException.NotEnoughSignatures {
        return aggregate(signatures, message, s -> false);
    }

    /**
     * The same, with the signatures for which {@code verified} holds taken as valid without checking them again:
     * the caller has verified them, each on its own, over this message with this registration (an aggregator checks
     * every signature when it arrives; checking them all again when the quorum is reached is upstream's way, and
     * costs the cycle that makes the certificate a batch pairing and every lottery index).
     */
    public StmAggregateSignature aggregate(
            List<StmSingleSignature> signatures, byte[] message, Predicate<StmSingleSignature> verified)
            throws StmException.NotEnoughSignatures {
        StmAggregateVerificationKey avk = registration.aggregateVerificationKey();
        byte[] msgp = avk.concatenateWithMessage(message);
        List<StmSignatureWithParty> valid = validSignatures(signatures, avk, msgp, verified);
        List<StmSignatureWithParty> selected = select(valid);
        selected.sort(
                Comparator.comparing((StmSignatureWithParty s) -> s.signature().signerIndex(), Long::compareUnsigned));
        long[] leafIndices =
                selected.stream().mapToLong(s -> s.signature().signerIndex()).toArray();
        StmMerkleBatchPath path = registration.merkleTree().batchPath(leafIndices);
        return new StmAggregateSignature(selected, path);
    }

    /** Step 1: the signatures that pass upstream's single-signature verification, in input order. */
    List<StmSignatureWithParty> validSignatures(
            List<StmSingleSignature> signatures, StmAggregateVerificationKey avk, byte[] msgp) {
        return validSignatures(signatures, avk, msgp, s -> false);
    }

    private List<StmSignatureWithParty> validSignatures(
            List<StmSingleSignature> signatures,
            StmAggregateVerificationKey avk,
            byte[] msgp,
            Predicate<StmSingleSignature> verified) {
        List<StmSignatureWithParty> candidates = new ArrayList<>(signatures.size());
        List<StmSignatureWithParty> unverified = new ArrayList<>();
        for (StmSingleSignature s : signatures) {
            long idx = s.signerIndex();
            if (idx < 0 || idx >= registration.size()) {
                continue; // no registered party at that index
            }
            StmSignatureWithParty c =
                    new StmSignatureWithParty(s, registration.parties().get((int) idx));
            candidates.add(c);
            if (!verified.test(s)) unverified.add(c);
        }
        Set<StmSignatureWithParty> failed = Collections.newSetFromMap(new IdentityHashMap<>());
        failed.addAll(unverified);
        checkedSignatures(unverified, avk, msgp).forEach(failed::remove);
        // in input order
        List<StmSignatureWithParty> out = new ArrayList<>(candidates.size());
        for (StmSignatureWithParty c : candidates) {
            if (!failed.contains(c)) out.add(c);
        }
        return out;
    }

    /** Upstream's checks of each candidate: point, lottery, BLS (in one randomised batch first). */
    private List<StmSignatureWithParty> checkedSignatures(
            List<StmSignatureWithParty> candidates, StmAggregateVerificationKey avk, byte[] msgp) {
        // lottery and point checks (cheap or cached), on both cores
        boolean[] ok = new boolean[candidates.size()];
        IntStream.range(0, candidates.size()).parallel().forEach(i -> {
            StmSignatureWithParty c = candidates.get(i);
            G1Point sigma = c.signature().sigma();
            try {
                if (sigma.isInfinity() || !sigma.inGroup()) {
                    return;
                }
                c.party().vk().point().prepare();
                c.signature().checkIndexes(params, c.party().stake(), avk.totalStake(), msgp);
                ok[i] = true;
            } catch (StmException e) {
                // dropped, as upstream does
            }
        });
        List<StmSignatureWithParty> passing = new ArrayList<>();
        for (int i = 0; i < ok.length; i++) {
            if (ok[i]) {
                passing.add(candidates.get(i));
            }
        }
        if (passing.isEmpty() || blsBatchValid(passing, msgp)) {
            return passing;
        }
        boolean[] blsOk = new boolean[passing.size()];
        IntStream.range(0, passing.size()).parallel().forEach(i -> {
            StmSignatureWithParty c = passing.get(i);
            blsOk[i] = Bls.verify(c.signature().sigma(), c.party().vk().point(), msgp);
        });
        List<StmSignatureWithParty> out = new ArrayList<>();
        for (int i = 0; i < blsOk.length; i++) {
            if (blsOk[i]) {
                out.add(passing.get(i));
            }
        }
        return out;
    }

    private static boolean blsBatchValid(List<StmSignatureWithParty> sigs, byte[] msgp) {
        List<G1Point> sigmas = new ArrayList<>(sigs.size());
        List<G2Point> vks = new ArrayList<>(sigs.size());
        for (StmSignatureWithParty s : sigs) {
            sigmas.add(s.signature().sigma());
            vks.add(s.party().vk().point());
        }
        if (sigs.size() == 1) {
            return Bls.verify(sigmas.get(0), vks.get(0), msgp);
        }
        return Bls.verifyRandomized(
                sigmas, vks, StmKeyRegistration.randomScalars(sigs.size(), BATCH_NBITS), BATCH_NBITS, msgp);
    }

    /** Steps 2 and 3: index ownership by smallest sigma, then whole signatures until k indices. */
    List<StmSignatureWithParty> select(List<StmSignatureWithParty> valid) throws StmException.NotEnoughSignatures {
        TreeMap<Long, StmSignatureWithParty> owner = new TreeMap<>(Long::compareUnsigned);
        Map<StmSignatureWithParty, List<Long>> removed = new HashMap<>();
        for (StmSignatureWithParty s : valid) {
            for (long index : s.signature().indexesView()) {
                StmSignatureWithParty previous = owner.get(index);
                if (previous == null) {
                    owner.put(index, s);
                } else if (s.signature().sigma().compareTo(previous.signature().sigma()) < 0) {
                    removed.computeIfAbsent(previous, x -> new ArrayList<>()).add(index);
                    owner.put(index, s);
                } else {
                    removed.computeIfAbsent(s, x -> new ArrayList<>()).add(index);
                }
            }
        }
        Set<StmSignatureWithParty> taken = new LinkedHashSet<>();
        Set<StmSignatureWithParty> takenKeys = new HashSet<>();
        long count = 0;
        for (StmSignatureWithParty s : owner.values()) {
            if (takenKeys.contains(s)) {
                continue;
            }
            Set<Long> drop = removed.containsKey(s) ? new HashSet<>(removed.get(s)) : null;
            StmSignatureWithParty kept = s;
            if (drop != null) {
                long[] keep = java.util.Arrays.stream(s.signature().indexesView())
                        .filter(i -> !drop.contains(i))
                        .toArray();
                kept = new StmSignatureWithParty(s.signature().withIndexes(keep), s.party());
            }
            takenKeys.add(s);
            taken.add(kept);
            count += kept.signature().indexesView().length;
            if (Long.compareUnsigned(count, params.k()) >= 0) {
                return new ArrayList<>(taken);
            }
        }
        throw new StmException.NotEnoughSignatures(count, params.k());
    }
}
