package io.mithrilj.aggregator.crypto.stm.bls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * A point of G1 or G2 held as its compressed form plus, once needed, the raw {@code blst_p1_affine} /
 * {@code blst_p2_affine} struct bytes obtained from blst itself.
 *
 * <p>Decoding only checks the encoding (length, compression flag, on curve); subgroup membership and
 * infinity are separate questions ({@link #inGroup()}, {@link #isInfinity()}) because upstream asks them
 * differently for signatures, keys and PoP parts.
 */
public abstract sealed class CurvePoint<P extends CurvePoint<P>> implements Comparable<P> permits G1Point, G2Point {

    /** What differs between G1 and G2: sizes and the native calls. */
    record Group(
            String name,
            int compressedSize,
            int affineSize,
            int jacobianSize,
            MethodHandle uncompress,
            MethodHandle compress,
            MethodHandle inGroup,
            MethodHandle msm,
            MethodHandle msmScratchSize,
            MethodHandle addOrDouble,
            MethodHandle toAffine) {}

    Group group() {
        return group;
    }

    private final Group group;
    private final byte[] compressed;
    private volatile byte[] raw;
    private volatile Boolean inGroup;

    CurvePoint(Group group, byte[] compressed, byte[] raw) {
        this.group = group;
        this.compressed = compressed;
        this.raw = raw;
    }

    /** Checks an encoding and returns the raw struct bytes blst decodes it to. */
    static byte[] decodeRaw(Group group, byte[] bytes) throws BlsDecodingException {
        if (bytes == null || bytes.length != group.compressedSize()) {
            throw new BlsDecodingException(
                    BlsDecodingException.Kind.MALFORMED,
                    group.name() + " point must be " + group.compressedSize() + " bytes");
        }
        if ((bytes[0] & 0x80) == 0) {
            throw new BlsDecodingException(
                    BlsDecodingException.Kind.MALFORMED, group.name() + " point is not compressed");
        }
        byte[] raw = new byte[group.affineSize()];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
            MemorySegment out = arena.allocate(group.affineSize(), 8);
            int err = (int) group.uncompress().invokeExact(out, in);
            if (err != 0) {
                throw new BlsDecodingException(
                        BlsDecodingException.Kind.MALFORMED,
                        "bad " + group.name() + " point encoding (blst error " + err + ")");
            }
            MemorySegment.copy(out, ValueLayout.JAVA_BYTE, 0, raw, 0, raw.length);
        } catch (BlsDecodingException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
        return raw;
    }

    /** The compressed form and raw bytes of a point computed natively. */
    static byte[][] compressRaw(Group group, MemorySegment affine) {
        byte[] raw = new byte[group.affineSize()];
        MemorySegment.copy(affine, ValueLayout.JAVA_BYTE, 0, raw, 0, raw.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(group.compressedSize());
            group.compress().invokeExact(out, affine);
            return new byte[][] {out.toArray(ValueLayout.JAVA_BYTE), raw};
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    /** Raw affine struct bytes, decoded on first use for points built from trusted compressed bytes. */
    byte[] raw() {
        byte[] r = raw;
        if (r == null) {
            try {
                r = decodeRaw(group, compressed);
            } catch (BlsDecodingException e) {
                throw new IllegalStateException("a trusted " + group.name() + " point failed to decode", e);
            }
            raw = r;
        }
        return r;
    }

    /** Decodes the raw struct now (e.g. on a worker thread before a native multi-scalar multiplication). */
    public void prepare() {
        raw();
    }

    void copyRawTo(MemorySegment target, long offset) {
        MemorySegment.copy(raw(), 0, target, ValueLayout.JAVA_BYTE, offset, group.affineSize());
    }

    MemorySegment rawSegment(Arena arena) {
        MemorySegment s = arena.allocate(group.affineSize(), 8);
        copyRawTo(s, 0);
        return s;
    }

    /** Whether the point lies in the prime-order subgroup (cached). */
    public boolean inGroup() {
        Boolean g = inGroup;
        if (g == null) {
            try (Arena arena = Arena.ofConfined()) {
                g = (boolean) group.inGroup().invokeExact(rawSegment(arena));
            } catch (Throwable t) {
                throw NativeBlst.rethrow(t);
            }
            inGroup = g;
        }
        return g;
    }

    /** Whether this is the point at infinity (compressed form {@code 0xc0 00..}). */
    public boolean isInfinity() {
        if ((compressed[0] & 0xff) != 0xc0) {
            return false;
        }
        for (int i = 1; i < compressed.length; i++) {
            if (compressed[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Infinity rejected, then subgroup membership (upstream's {@code sig_validate(.., true)} / {@code key_validate}). */
    void validate() throws BlsDecodingException {
        if (isInfinity()) {
            throw new BlsDecodingException(BlsDecodingException.Kind.INFINITY, group.name() + " point at infinity");
        }
        if (!inGroup()) {
            throw new BlsDecodingException(
                    BlsDecodingException.Kind.NOT_IN_GROUP, group.name() + " point not in the subgroup");
        }
    }

    /** A copy of the compressed bytes. */
    public byte[] toBytes() {
        return compressed.clone();
    }

    /** The compressed bytes without copying; callers must not modify them. */
    public byte[] bytesView() {
        return compressed;
    }

    /** Unsigned lexicographic order of the compressed bytes (upstream's ranking of signatures and keys). */
    @Override
    public int compareTo(P o) {
        return Arrays.compareUnsigned(compressed, ((CurvePoint<?>) o).compressed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurvePoint<?> p && p.group == group && Arrays.equals(compressed, p.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return group.name() + "Point[" + java.util.HexFormat.of().formatHex(compressed) + "]";
    }
}
