package io.mithrilj.aggregator.crypto.stm.bls;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * A point of G1 (BLS signature, PoP component) held as its 48-byte compressed form plus, once needed, the raw
 * {@code blst_p1_affine} struct bytes obtained from blst itself.
 *
 * <p>Decoding only checks the encoding (length, compression flag, on curve); subgroup membership and
 * infinity are separate questions ({@link #inGroup()}, {@link #isInfinity()}) because upstream asks them
 * differently for signatures and for PoP parts.
 */
public final class G1Point implements Comparable<G1Point> {

    public static final int COMPRESSED_SIZE = 48;

    private final byte[] compressed;
    private volatile byte[] raw;
    private volatile Boolean inGroup;

    private G1Point(byte[] compressed, byte[] raw) {
        this.compressed = compressed;
        this.raw = raw;
    }

    /** Decodes a compressed point; exactly 48 bytes with the compression flag, on the curve. */
    public static G1Point decompress(byte[] bytes) throws BlsDecodingException {
        if (bytes == null || bytes.length != COMPRESSED_SIZE) {
            throw new BlsDecodingException(BlsDecodingException.Kind.MALFORMED, "G1 point must be 48 bytes");
        }
        if ((bytes[0] & 0x80) == 0) {
            throw new BlsDecodingException(BlsDecodingException.Kind.MALFORMED, "G1 point is not compressed");
        }
        byte[] copy = bytes.clone();
        byte[] raw = new byte[NativeBlst.P1_AFFINE_SIZE];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(ValueLayout.JAVA_BYTE, copy);
            MemorySegment out = arena.allocate(NativeBlst.P1_AFFINE_SIZE, 8);
            int err = (int) NativeBlst.P1_UNCOMPRESS.invokeExact(out, in);
            if (err != 0) {
                throw new BlsDecodingException(
                        BlsDecodingException.Kind.MALFORMED, "bad G1 point encoding (blst error " + err + ")");
            }
            MemorySegment.copy(out, ValueLayout.JAVA_BYTE, 0, raw, 0, raw.length);
        } catch (BlsDecodingException e) {
            throw e;
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
        return new G1Point(copy, raw);
    }

    /** Wraps the compression of a point this process computed itself (no decoding until needed). */
    static G1Point ofTrusted(byte[] compressed) {
        return new G1Point(compressed, null);
    }

    /** Builds the point from raw struct bytes (computed natively), compressing it. */
    static G1Point ofRaw(MemorySegment affine) {
        byte[] raw = new byte[NativeBlst.P1_AFFINE_SIZE];
        MemorySegment.copy(affine, ValueLayout.JAVA_BYTE, 0, raw, 0, raw.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(COMPRESSED_SIZE);
            NativeBlst.P1_AFFINE_COMPRESS.invokeExact(out, affine);
            return new G1Point(out.toArray(ValueLayout.JAVA_BYTE), raw);
        } catch (Throwable t) {
            throw NativeBlst.rethrow(t);
        }
    }

    /** The generator of G1. */
    public static G1Point generator() {
        return ofRaw(NativeBlst.G1_GENERATOR);
    }

    /** Raw {@code blst_p1_affine} bytes. */
    byte[] raw() {
        byte[] r = raw;
        if (r == null) {
            try {
                r = decompress(compressed).raw;
            } catch (BlsDecodingException e) {
                throw new IllegalStateException("a trusted G1 point failed to decode", e);
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
        MemorySegment.copy(raw(), 0, target, ValueLayout.JAVA_BYTE, offset, NativeBlst.P1_AFFINE_SIZE);
    }

    MemorySegment rawSegment(Arena arena) {
        MemorySegment s = arena.allocate(NativeBlst.P1_AFFINE_SIZE, 8);
        copyRawTo(s, 0);
        return s;
    }

    /** Whether the point lies in the prime-order subgroup (cached). */
    public boolean inGroup() {
        Boolean g = inGroup;
        if (g == null) {
            try (Arena arena = Arena.ofConfined()) {
                g = (boolean) NativeBlst.P1_AFFINE_IN_G1.invokeExact(rawSegment(arena));
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

    /** Upstream's {@code sig_validate(.., true)}: infinity rejected, then subgroup membership. */
    public void validateAsSignature() throws BlsDecodingException {
        if (isInfinity()) {
            throw new BlsDecodingException(BlsDecodingException.Kind.INFINITY, "G1 point at infinity");
        }
        if (!inGroup()) {
            throw new BlsDecodingException(BlsDecodingException.Kind.NOT_IN_GROUP, "G1 point not in the subgroup");
        }
    }

    /** A copy of the 48 compressed bytes. */
    public byte[] toBytes() {
        return compressed.clone();
    }

    /** The compressed bytes without copying; callers must not modify them. */
    public byte[] bytesView() {
        return compressed;
    }

    /** Unsigned lexicographic order of the compressed bytes (upstream's signature ranking). */
    @Override
    public int compareTo(G1Point o) {
        return Arrays.compareUnsigned(compressed, o.compressed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof G1Point p && Arrays.equals(compressed, p.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "G1Point[" + java.util.HexFormat.of().formatHex(compressed) + "]";
    }
}
