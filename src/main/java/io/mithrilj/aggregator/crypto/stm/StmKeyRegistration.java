package io.mithrilj.aggregator.crypto.stm;

import io.mithrilj.aggregator.crypto.stm.bls.Bls;
import io.mithrilj.aggregator.crypto.stm.bls.G1Point;
import io.mithrilj.aggregator.crypto.stm.bls.G2Point;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upstream {@code KeyRegistration}: collects {@code (stake, vk+PoP)}; a key already present is refused
 * ({@link StmException.KeyRegistered}, checked before the PoP), a key whose PoP fails is refused
 * ({@link StmException.KeyInvalid}). Not thread-safe.
 */
public final class StmKeyRegistration {

    /** One party to register. */
    public record Entry(long stake, StmVerificationKeyPoP key) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BATCH_NBITS = 64;

    private final Map<StmVerificationKey, Long> keys = new LinkedHashMap<>();

    public void register(long stake, StmVerificationKeyPoP key)
            throws StmException.KeyRegistered, StmException.KeyInvalid {
        if (keys.containsKey(key.vk())) {
            throw new StmException.KeyRegistered();
        }
        key.verifyProofOfPossession();
        keys.put(key.vk(), stake);
    }

    /**
     * Registers many parties with one randomised batch check of their PoPs (two cores), with exactly the outcome
     * of calling {@link #register} for each in order: the first offending entry is reported, and the entries
     * before it stay registered. Bad keys are named by one-by-one checks only after a batch failure.
     */
    public void registerAll(List<Entry> entries) throws StmException.KeyRegistered, StmException.KeyInvalid {
        int firstDuplicate = entries.size();
        Set<StmVerificationKey> seen = new HashSet<>(keys.keySet());
        for (int i = 0; i < entries.size(); i++) {
            if (!seen.add(entries.get(i).key().vk())) {
                firstDuplicate = i;
                break;
            }
        }
        List<Entry> candidates = entries.subList(0, firstDuplicate);
        int firstInvalid = firstInvalid(candidates);
        int end = Math.min(firstInvalid, firstDuplicate);
        for (int i = 0; i < end; i++) {
            keys.put(entries.get(i).key().vk(), entries.get(i).stake());
        }
        if (firstInvalid < candidates.size()) {
            candidates.get(firstInvalid).key().verifyProofOfPossession(); // throws KeyInvalid naming the key
            throw new StmException.KeyInvalid("entry " + firstInvalid);
        }
        if (firstDuplicate < entries.size()) {
            throw new StmException.KeyRegistered();
        }
    }

    /** Index of the first entry with an invalid PoP, or {@code candidates.size()}. */
    private static int firstInvalid(List<Entry> candidates) {
        int n = candidates.size();
        if (n == 0) {
            return 0;
        }
        if (n > 1 && batchValid(candidates)) {
            return n;
        }
        return java.util.stream.IntStream.range(0, n)
                .parallel()
                .filter(i -> {
                    try {
                        candidates.get(i).key().verifyProofOfPossession();
                        return false;
                    } catch (StmException.KeyInvalid e) {
                        return true;
                    }
                })
                .min()
                .orElse(n);
    }

    private static boolean batchValid(List<Entry> candidates) {
        int n = candidates.size();
        List<G2Point> vks = new ArrayList<>(n);
        List<G1Point> k1s = new ArrayList<>(n);
        List<G1Point> k2s = new ArrayList<>(n);
        for (Entry e : candidates) {
            vks.add(e.key().vk().point());
            k1s.add(e.key().k1());
            k2s.add(e.key().k2());
        }
        // decode the points on both cores before the native sums
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            vks.get(i).prepare();
            k1s.get(i).prepare();
            k2s.get(i).prepare();
        });
        byte[] scalars = randomScalars(n, BATCH_NBITS);
        return Bls.verifyPopsRandomized(vks, k1s, k2s, scalars, BATCH_NBITS, StmVerificationKeyPoP.POP_MESSAGE);
    }

    static byte[] randomScalars(int n, int nbits) {
        int len = nbits / 8;
        byte[] scalars = new byte[n * len];
        RANDOM.nextBytes(scalars);
        for (int i = 0; i < n; i++) {
            boolean zero = true;
            for (int j = 0; j < len && zero; j++) {
                zero = scalars[i * len + j] == 0;
            }
            if (zero) {
                scalars[i * len] = 1;
            }
        }
        return scalars;
    }

    public int size() {
        return keys.size();
    }

    /** Sorts the parties by (stake, vk bytes), sums the stake (u64, overflow is an error) and builds the tree. */
    public StmClosedKeyRegistration close() {
        List<StmRegisteredParty> parties = new ArrayList<>(keys.size());
        long total = 0;
        for (Map.Entry<StmVerificationKey, Long> e : keys.entrySet()) {
            parties.add(new StmRegisteredParty(e.getKey(), e.getValue()));
            long next = total + e.getValue();
            if (Long.compareUnsigned(next, total) < 0) {
                throw new ArithmeticException("total stake overflows u64");
            }
            total = next;
        }
        parties.sort(Comparator.<StmRegisteredParty, Long>comparing(StmRegisteredParty::stake, Long::compareUnsigned)
                .thenComparing(StmRegisteredParty::vk));
        return new StmClosedKeyRegistration(parties, total);
    }
}
