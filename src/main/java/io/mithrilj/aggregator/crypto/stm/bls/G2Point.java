package io.mithrilj.aggregator.crypto.stm.bls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A point of G2 (verification key) held as its 96-byte compressed form plus, once needed, the raw
 * {@code blst_p2_affine} struct bytes obtained from blst itself.
 *
 * <p>Decoding only checks the encoding (length, compression flag, on curve); subgroup membership and
 * infinity are separate questions ({@link #inGroup()}, {@link #isInfinity()}) because upstream asks them
 * differently for signatures and for PoP parts.
 */
public final class G2Point implements Comparable<G2Point> {

    public static final int COMPRESSED_SIZE = 96;

    private final byte[] compressed;
    private volatile byte[] raw;
    private volatile Boolean inGroup;

    private G2Point(byte[] compressed, byte[] raw) {
        this.compressed = compressed;
        this.raw = raw;
    }

    /** Decodes a compressed point; exactly 96 bytes with the compression flag, on the curve. */
    public static G2Point decompress(byte[] bytes) throws BlsDecodingException {
        if (bytes == null || bytes.length != COMPRESSED_SIZE) {
            throw new BlsDecodingException(BlsDecodingException.Kind.MALFORMED, "G2 point must be 96 bytes");
        }
        if ((bytes[0] & 0x80) == 0) {
            throw new BlsDecodingException(BlsDecodingException.Kind.MALFORMED, "G2 point is not compressed");
        }
        byte[] copy = bytes.clone();
        byte[] raw = new byte[NativeBlst.P2_AFFINE_SIZE];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_BYTE, copy);
            MemorySegment out = arena.allocate(NativeBlst.P2_AFFINE_SIZE, 8);
            int err = (int) NativeBlst.P2_UNCOMPRESS.invokeExact(out, in);
            if (err != 0) {
                throw new BlsDecodingException(
                        BlsDecodingException.Kind.MALFORMED, "bad G2 point encoding (blst error " + err + ")");
            }
            MemorySegment.copy(out, ValueLayout.JAVA_BYTE, 0, raw, 0, raw.length);
        } catch (BlsDecodingException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
        return new G2Point(copy, raw);
    }

    /** Wraps the compression of a point this process computed itself (no decoding until needed). */
    static G2Point ofTrusted(byte[] compressed) {
        return new G2Point(compressed, null);
    }

    /** Builds the point from raw struct bytes (computed natively), compressing it. */
    static G2Point ofRaw(MemorySegment affine) {
        byte[] raw = new byte[NativeBlst.P2_AFFINE_SIZE];
        MemorySegment.copy(affine, ValueLayout.JAVA_BYTE, 0, raw, 0, raw.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(COMPRESSED_SIZE);
            NativeBlst.P2_AFFINE_COMPRESS.invokeExact(out, affine);
            return new G2Point(out.toArray(ValueLayout.JAVA_BYTE), raw);
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    /** The generator of G2. */
    public static G2Point generator() {
        return ofRaw(NativeBlst.G2_GENERATOR);
    }

    /** Raw {@code blst_p2_affine} bytes. */
    byte[] raw() {
        byte[] r = raw;
        if (r == null) {
            try {
                r = decompress(compressed).raw;
            } catch (BlsDecodingException e) {
                throw new IllegalStateException("a trusted G2 point failed to decode", e);
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
        MemorySegment.copy(raw(), 0, target, ValueLayout.JAVA_BYTE, offset, NativeBlst.P2_AFFINE_SIZE);
    }

    MemorySegment rawSegment(Arena arena) {
        MemorySegment s = arena.allocate(NativeBlst.P2_AFFINE_SIZE, 8);
        copyRawTo(s, 0);
        return s;
    }

    /** Whether the point lies in the prime-order subgroup (cached). */
    public boolean inGroup() {
        Boolean g = inGroup;
        if (g == null) {
            try (Arena arena = Arena.ofConfined()) {
                g = (boolean) NativeBlst.P2_AFFINE_IN_G2.invokeExact(rawSegment(arena));
            } catch (Throwable t) {
                throw NativeBlst.rethrow(t);
            }
            inGroup = g;
        }
        return g;
    }

    /** Whether this is the point at infinity (compressed form {@code 0xc0 00..}). */
    public boolean isInfinity() {
        if ((compressed[0] & 0x40) == 0) {
            return false;
        }
        for (int i = 1; i < COMPRESSED_SIZE; i++) {
            if (compressed[i] != 0) {
                return false;
            }
        }
        return (compressed[0] & 0xff) == 0xc0;
    }

    /** Upstream's {@code key_validate}: infinity rejected, then subgroup membership. */
    public void validateAsKey() throws BlsDecodingException {
        if (isInfinity()) {
            throw new BlsDecodingException(BlsDecodingException.Kind.INFINITY, "G2 point at infinity");
        }
        if (!inGroup()) {
            throw new BlsDecodingException(BlsDecodingException.Kind.NOT_IN_GROUP, "G2 point not in the subgroup");
        }
    }

    /** A copy of the 96 compressed bytes. */
    public byte[] toBytes() {
        return compressed.clone();
    }

    /** The compressed bytes without copying; callers must not modify them. */
    public byte[] bytesView() {
        return compressed;
    }

    /** Unsigned lexicographic order of the compressed bytes (upstream's key order). */
    @Override
    public int compareTo(G2Point o) {
        return Arrays.compareUnsigned(compressed, o.compressed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G2Point p && Arrays.equals(compressed, p.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "G2Point[" + java.util.HexFormat.of().formatHex(compressed) + "]";
    }
}
