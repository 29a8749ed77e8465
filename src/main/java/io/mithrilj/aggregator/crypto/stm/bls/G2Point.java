package io.mithrilj.aggregator.crypto.stm.bls;

import java.lang.foreign.MemorySegment;

/** A point of G2 (verification key): 96 compressed bytes. */
public final class G2Point extends CurvePoint<G2Point> {

    public static final int COMPRESSED_SIZE = 96;

    static final Group GROUP = new Group(
            "G2",
            COMPRESSED_SIZE,
            NativeBlst.P2_AFFINE_SIZE,
            NativeBlst.P2_SIZE,
            NativeBlst.P2_UNCOMPRESS,
            NativeBlst.P2_AFFINE_COMPRESS,
            NativeBlst.P2_AFFINE_IN_G2,
            NativeBlst.P2S_MSM,
            NativeBlst.P2S_MSM_SCRATCH,
            NativeBlst.P2_ADD_OR_DOUBLE,
            NativeBlst.P2_TO_AFFINE);

    private G2Point(byte[] compressed, byte[] raw) {
        super(GROUP, compressed, raw);
    }

    /** Decodes a compressed point; exactly 96 bytes with the compression flag, on the curve. */
    public static G2Point decompress(byte[] bytes) throws BlsDecodingException {
        byte[] copy = bytes == null ? null : bytes.clone();
        return new G2Point(copy, decodeRaw(GROUP, copy));
    }

    /** Wraps the compression of a point this process computed itself (no decoding until needed). */
    static G2Point ofTrusted(byte[] compressed) {
        return new G2Point(compressed, null);
    }

    /** Builds the point from raw struct bytes (computed natively), compressing it. */
    static G2Point ofRaw(MemorySegment affine) {
        byte[][] compressedAndRaw = compressRaw(GROUP, affine);
        return new G2Point(compressedAndRaw[0], compressedAndRaw[1]);
    }

    /** The generator of G2. */
    public static G2Point generator() {
        return ofRaw(NativeBlst.G2_GENERATOR);
    }

    /** Upstream's {@code key_validate}: infinity rejected, then subgroup membership. */
    public void validateAsKey() throws BlsDecodingException {
        validate();
    }
}
