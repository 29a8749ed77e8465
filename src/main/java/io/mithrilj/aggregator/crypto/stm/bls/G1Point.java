package io.mithrilj.aggregator.crypto.stm.bls;

import java.lang.foreign.MemorySegment;

/** A point of G1 (BLS signature, PoP component): 48 compressed bytes. */
public final class G1Point extends CurvePoint<G1Point> {

    public static final int COMPRESSED_SIZE = 48;

    static final Group GROUP = new Group(
            "G1",
            COMPRESSED_SIZE,
            NativeBlst.P1_AFFINE_SIZE,
            NativeBlst.P1_SIZE,
            NativeBlst.P1_UNCOMPRESS,
            NativeBlst.P1_AFFINE_COMPRESS,
            NativeBlst.P1_AFFINE_IN_G1,
            NativeBlst.P1S_MSM,
            NativeBlst.P1S_MSM_SCRATCH,
            NativeBlst.P1_ADD_OR_DOUBLE,
            NativeBlst.P1_TO_AFFINE);

    private G1Point(byte[] compressed, byte[] raw) {
        super(GROUP, compressed, raw);
    }

    /** Decodes a compressed point; exactly 48 bytes with the compression flag, on the curve. */
    public static G1Point decompress(byte[] bytes) throws BlsDecodingException {
        byte[] copy = bytes == null ? null : bytes.clone();
        return new G1Point(copy, decodeRaw(GROUP, copy));
    }

    /** Wraps the compression of a point this process computed itself (no decoding until needed). */
    static G1Point ofTrusted(byte[] compressed) {
        return new G1Point(compressed, null);
    }

    /** Builds the point from raw struct bytes (computed natively), compressing it. */
    static G1Point ofRaw(MemorySegment affine) {
        byte[][] compressedAndRaw = compressRaw(GROUP, affine);
        return new G1Point(compressedAndRaw[0], compressedAndRaw[1]);
    }

    /** The generator of G1. */
    public static G1Point generator() {
        return ofRaw(NativeBlst.G1_GENERATOR);
    }

    /** Upstream's {@code sig_validate(.., true)}: infinity rejected, then subgroup membership. */
    public void validateAsSignature() throws BlsDecodingException {
        validate();
    }
}
