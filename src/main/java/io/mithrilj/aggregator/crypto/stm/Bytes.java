package io.mithrilj.aggregator.crypto.stm;

import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Small byte helpers: hex, big-endian integers, Blake2b of the three digest lengths STM uses. */
final class Bytes {

    static final HexFormat HEX = HexFormat.of();

    private Bytes() {}

    static byte[] u64be(long v) {
        byte[] b = new byte[8];
        putU64be(b, 0, v);
        return b;
    }

    static void putU64be(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getU64be(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xff);
        }
        return v;
    }

    static BigInteger unsigned(long v) {
        return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
    }

    /** B2b-256 (Blake2b with a 32-byte digest) of the concatenation. */
    static byte[] b2b256(byte[]... parts) {
        Blake2bDigest d = new Blake2bDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    /** Decodes hex after trimming surrounding whitespace (mithril-common's json-hex rule). */
    static byte[] fromHex(String hex, boolean trim) throws StmException.SerializationError {
        if (hex == null) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "null hex");
        }
        String h = trim ? hex.strip() : hex;
        try {
            return HEX.parseHex(h.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StmException.SerializationError(StmException.Origin.CODEC, "invalid hex");
        }
    }

    /** Reads sequentially from a byte array; every short read is a {@link StmException.SerializationError}. */
    static final class Reader {
        private final byte[] data;
        private final StmException.Origin origin;
        private int pos;

        Reader(byte[] data, StmException.Origin origin) {
            this.data = data;
            this.origin = origin;
        }

        byte[] take(int n) throws StmException.SerializationError {
            if (n < 0 || data.length - pos < n) {
                throw new StmException.SerializationError(origin, "truncated input");
            }
            byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return out;
        }

        long u64() throws StmException.SerializationError {
            return getU64be(take(8), 0);
        }

        int u8() throws StmException.SerializationError {
            return take(1)[0] & 0xff;
        }

        /** A u64 count that must fit the remaining input given a minimum item size. */
        int count(int minItemSize) throws StmException.SerializationError {
            long n = u64();
            if (n < 0 || n > (data.length - pos) / Math.max(1, minItemSize)) {
                throw new StmException.SerializationError(
                        origin, "length " + Long.toUnsignedString(n) + " exceeds input");
            }
            return (int) n;
        }

        int remaining() {
            return data.length - pos;
        }
    }
}
