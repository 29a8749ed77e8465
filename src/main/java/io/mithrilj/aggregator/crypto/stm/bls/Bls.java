package io.mithrilj.aggregator.crypto.stm.bls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * BLS operations of STM: verification with the empty DST, pairing equalities, native multi-scalar
 * multiplication (blst Pippenger through FFM) and the randomised batch checks built on it.
 *
 * <p>Scalars are given as one contiguous little-endian byte array of {@code nbits/8} bytes per point
 * (blst's byte-scalar convention).
 */
public final class Bls {

    private static final byte[] EMPTY = new byte[0];

    /** Below this many points one native MSM call is used; above, two halves run on two threads. */
    static final int PARALLEL_MSM_THRESHOLD = 384;

    private Bls() {}

    /** RFC 9380 hash to G1 ({@code BLS12381G1_XMD:SHA-256_SSWU_RO_}) with an empty DST. */
    public static G1Point hashToG1(byte[] message) {
        return G1Point.ofTrusted(new P1().hash_to(message, "", EMPTY).compress());
    }

    /**
     * {@code e(sig, G2) == e(H(msg), vk)} via blst {@code core_verify} (empty DST, no augmentation; blst also
     * group-checks both points).
     */
    public static boolean verify(G1Point signature, G2Point vk, byte[] message) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment msg = arena.allocateFrom(ValueLayout.JAVA_BYTE, message);
            int err = (int) NativeBlst.CORE_VERIFY_PK_IN_G2.invokeExact(
                    vk.rawSegment(arena),
                    signature.rawSegment(arena),
                    true,
                    msg,
                    (long) message.length,
                    MemorySegment.NULL,
                    0L,
                    MemorySegment.NULL,
                    0L);
            return err == 0;
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    /**
     * The check upstream applies to a randomised aggregate ({@code verify(sig_groupcheck = false, …,
     * pk_validate = false)}): the points are sums of already validated points, so the subgroup checks that
     * {@link #verify} makes are skipped.
     */
    static boolean verifyWithoutGroupChecks(G1Point signature, G2Point vk, byte[] message) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ctx = arena.allocate(NativeBlst.PAIRING_SIZE, 64);
            NativeBlst.PAIRING_INIT.invokeExact(ctx, true, MemorySegment.NULL, 0L);
            MemorySegment msg = arena.allocateFrom(ValueLayout.JAVA_BYTE, message);
            int err = (int) NativeBlst.PAIRING_CHK_N_AGGR_PK_IN_G2.invokeExact(
                    ctx,
                    vk.rawSegment(arena),
                    false,
                    signature.rawSegment(arena),
                    false,
                    msg,
                    (long) message.length,
                    MemorySegment.NULL,
                    0L);
            if (err != 0) {
                return false;
            }
            NativeBlst.PAIRING_COMMIT.invokeExact(ctx);
            return (boolean) NativeBlst.PAIRING_FINALVERIFY.invokeExact(ctx, MemorySegment.NULL);
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    /** {@code e(a, b) == e(c, d)}: two Miller loops and one final exponentiation. */
    public static boolean pairingEquals(G1Point a, G2Point b, G1Point c, G2Point d) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment left = arena.allocate(NativeBlst.FP12_SIZE, 8);
            MemorySegment right = arena.allocate(NativeBlst.FP12_SIZE, 8);
            NativeBlst.MILLER_LOOP.invokeExact(left, b.rawSegment(arena), a.rawSegment(arena));
            NativeBlst.MILLER_LOOP.invokeExact(right, d.rawSegment(arena), c.rawSegment(arena));
            return (boolean) NativeBlst.FP12_FINALVERIFY.invokeExact(left, right);
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // multi-scalar multiplication

    /** {@code Σ s_i · P_i} in G1 with blst's Pippenger. */
    public static G1Point msmG1(List<G1Point> points, byte[] scalars, int nbits) {
        return msm(G1Point.GROUP, points, scalars, nbits, G1Point::ofRaw);
    }

    /** {@code Σ s_i · Q_i} in G2 with blst's Pippenger. */
    public static G2Point msmG2(List<G2Point> points, byte[] scalars, int nbits) {
        return msm(G2Point.GROUP, points, scalars, nbits, G2Point::ofRaw);
    }

    private static <P extends CurvePoint<P>> P msm(
            CurvePoint.Group group,
            List<P> points,
            byte[] scalars,
            int nbits,
            java.util.function.Function<MemorySegment, P> ofRaw) {
        checkScalars(points.size(), scalars, nbits);
        try (Arena arena = msmArena(points.size())) {
            MemorySegment jac = msmParallel(arena, group, points, nbits, scalars);
            MemorySegment affine = arena.allocate(group.affineSize(), 8);
            group.toAffine().invokeExact(affine, jac);
            return ofRaw.apply(affine);
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    /**
     * A shared arena only when the multiplication is split over two threads: closing a shared arena costs a
     * handshake with every thread, which is most of a small multiplication's overhead.
     */
    private static Arena msmArena(int n) {
        return n < PARALLEL_MSM_THRESHOLD ? Arena.ofConfined() : Arena.ofShared();
    }

    /** Large inputs: two halves on two threads, then one addition. */
    private static MemorySegment msmParallel(
            Arena arena, CurvePoint.Group group, List<? extends CurvePoint<?>> points, int nbits, byte[] scalars)
            throws Throwable {
        int n = points.size();
        if (n < PARALLEL_MSM_THRESHOLD) {
            return msmRange(arena, group, points, 0, n, nbits, scalars);
        }
        int mid = n / 2;
        CompletableFuture<MemorySegment> upper = CompletableFuture.supplyAsync(() -> {
            try {
                return msmRange(arena, group, points, mid, n, nbits, scalars);
            } catch (Throwable t) {
                throw NativeBlst.rethrow(t);
            }
        });
        MemorySegment lower = msmRange(arena, group, points, 0, mid, nbits, scalars);
        MemorySegment other = upper.join();
        MemorySegment sum = arena.allocate(group.jacobianSize(), 8);
        group.addOrDouble().invokeExact(sum, lower, other);
        return sum;
    }

    private static MemorySegment msmRange(
            Arena arena,
            CurvePoint.Group group,
            List<? extends CurvePoint<?>> points,
            int from,
            int to,
            int nbits,
            byte[] scalars)
            throws Throwable {
        int count = to - from;
        int scalarBytes = nbits / 8;
        MemorySegment pts = arena.allocate((long) count * group.affineSize(), 8);
        for (int i = from; i < to; i++) {
            points.get(i).copyRawTo(pts, (long) (i - from) * group.affineSize());
        }
        MemorySegment sc = arena.allocate((long) count * scalarBytes, 8);
        MemorySegment.copy(scalars, from * scalarBytes, sc, ValueLayout.JAVA_BYTE, 0, count * scalarBytes);
        MemorySegment ptsArray = arena.allocate(ValueLayout.ADDRESS, 2);
        ptsArray.setAtIndex(ValueLayout.ADDRESS, 0, pts);
        ptsArray.setAtIndex(ValueLayout.ADDRESS, 1, MemorySegment.NULL);
        MemorySegment scArray = arena.allocate(ValueLayout.ADDRESS, 2);
        scArray.setAtIndex(ValueLayout.ADDRESS, 0, sc);
        scArray.setAtIndex(ValueLayout.ADDRESS, 1, MemorySegment.NULL);
        long scratchBytes = (long) group.msmScratchSize().invokeExact((long) count);
        MemorySegment scratch = arena.allocate(Math.max(scratchBytes, 8), 64);
        MemorySegment ret = arena.allocate(group.jacobianSize(), 8);
        group.msm().invokeExact(ret, ptsArray, (long) count, scArray, (long) nbits, scratch);
        return ret;
    }

    private static void checkScalars(int n, byte[] scalars, int nbits) {
        if (n == 0) {
            throw new IllegalArgumentException("multi-scalar multiplication of no points");
        }
        if (nbits <= 0 || nbits % 8 != 0 || scalars.length != n * (nbits / 8)) {
            throw new IllegalArgumentException("need " + n + " scalars of " + nbits + " bits");
        }
    }

    /** Reference: the same sum with jblst {@code mult} + {@code add}, one point at a time. */
    public static G1Point msmG1Loop(List<G1Point> points, byte[] scalars, int nbits) {
        checkScalars(points.size(), scalars, nbits);
        P1 acc = null;
        for (int i = 0; i < points.size(); i++) {
            P1 term = new P1(points.get(i).bytesView()).mult(scalarAt(scalars, i, nbits));
            acc = acc == null ? term : acc.add(term);
        }
        return G1Point.ofTrusted(acc.compress());
    }

    /** Reference: the same sum with jblst {@code mult} + {@code add}, one point at a time. */
    public static G2Point msmG2Loop(List<G2Point> points, byte[] scalars, int nbits) {
        checkScalars(points.size(), scalars, nbits);
        P2 acc = null;
        for (int i = 0; i < points.size(); i++) {
            P2 term = new P2(points.get(i).bytesView()).mult(scalarAt(scalars, i, nbits));
            acc = acc == null ? term : acc.add(term);
        }
        return G2Point.ofTrusted(acc.compress());
    }

    private static BigInteger scalarAt(byte[] scalars, int i, int nbits) {
        int len = nbits / 8;
        byte[] be = new byte[len];
        for (int j = 0; j < len; j++) {
            be[j] = scalars[i * len + len - 1 - j];
        }
        return new BigInteger(1, be);
    }

    // ---------------------------------------------------------------------------------------------
    // randomised checks

    /**
     * {@code e(Σ r_i σ_i, G2) == e(H(msg), Σ r_i vk_i)}: the randomised check of several signatures on one
     * message (upstream's {@code verify_aggregate}; also our batch pre-check of single signatures). G1 and G2
     * sums run on two threads.
     */
    public static boolean verifyRandomized(
            List<G1Point> sigs, List<G2Point> vks, byte[] scalars, int nbits, byte[] message) {
        if (sigs.size() != vks.size() || sigs.isEmpty()) {
            return false;
        }
        if (sigs.size() == 1) {
            return verify(sigs.get(0), vks.get(0), message);
        }
        CompletableFuture<G1Point> aggSig = CompletableFuture.supplyAsync(() -> msmG1(sigs, scalars, nbits));
        G2Point aggVk = msmG2(vks, scalars, nbits);
        return verifyWithoutGroupChecks(aggSig.join(), aggVk, message);
    }

    /**
     * Batch proof-of-possession check: with random {@code r_i},
     * {@code Σ r_i k1_i} must verify on "PoP" under {@code V = Σ r_i vk_i}, and {@code e(G1, V) == e(Σ r_i k2_i, G2)}.
     * A failure means at least one key is bad (check them one by one to name it).
     */
    public static boolean verifyPopsRandomized(
            List<G2Point> vks, List<G1Point> k1s, List<G1Point> k2s, byte[] scalars, int nbits, byte[] popMessage) {
        CompletableFuture<G1Point> k1 = CompletableFuture.supplyAsync(() -> msmG1(k1s, scalars, nbits));
        CompletableFuture<G1Point> k2 = CompletableFuture.supplyAsync(() -> msmG1(k2s, scalars, nbits));
        G2Point v = msmG2(vks, scalars, nbits);
        return verify(k1.join(), v, popMessage)
                && pairingEquals(G1Point.generator(), v, k2.join(), G2Point.generator());
    }
}
