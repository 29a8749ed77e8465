package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** BIP-173 bech32 (the original checksum constant 1, not bech32m), as used for Cardano pool ids. */
public final class Bech32 {
    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    /** A decoded bech32 string. */
    public record Decoded(String hrp, byte[] data) {}

    private Bech32() {}

    /** Encodes 8-bit {@code data} under the lowercase human-readable part {@code hrp}. */
    public static String encode(String hrp, byte[] data) {
        checkHrp(hrp);
        byte[] values = convertBits(data, 8, 5, true);
        byte[] checksum = checksum(hrp, values);
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + values.length + 6)
                .append(hrp)
                .append('1');
        for (byte v : values) {
            sb.append(CHARSET.charAt(v));
        }
        for (byte v : checksum) {
            sb.append(CHARSET.charAt(v));
        }
        return sb.toString();
    }

    /** Decodes and checks a bech32 string (all lowercase or all uppercase). */
    public static Decoded decode(String text) {
        if (text == null || text.length() < 8) {
            throw new CodecException("bech32: too short");
        }
        if (!text.equals(text.toLowerCase(Locale.ROOT)) && !text.equals(text.toUpperCase(Locale.ROOT))) {
            throw new CodecException("bech32: mixed case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length()) {
            throw new CodecException("bech32: misplaced separator");
        }
        String hrp = s.substring(0, sep);
        checkHrp(hrp);
        byte[] values = new byte[s.length() - sep - 1];
        for (int i = 0; i < values.length; i++) {
            int v = CHARSET.indexOf(s.charAt(sep + 1 + i));
            if (v < 0) {
                throw new CodecException("bech32: invalid character");
            }
            values[i] = (byte) v;
        }
        if (polymod(expandHrp(hrp), values) != 1) {
            throw new CodecException("bech32: bad checksum");
        }
        byte[] payload = java.util.Arrays.copyOf(values, values.length - 6);
        return new Decoded(hrp, convertBits(payload, 5, 8, false));
    }

    private static void checkHrp(String hrp) {
        if (hrp == null || hrp.isEmpty() || hrp.length() > 83) {
            throw new CodecException("bech32: invalid human-readable part");
        }
        for (int i = 0; i < hrp.length(); i++) {
            char c = hrp.charAt(i);
            if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) {
                throw new CodecException("bech32: invalid human-readable part");
            }
        }
    }

    private static byte[] expandHrp(String hrp) {
        byte[] out = new byte[hrp.length() * 2 + 1];
        for (int i = 0; i < hrp.length(); i++) {
            out[i] = (byte) (hrp.charAt(i) >> 5);
            out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
        }
        return out;
    }

    private static int polymod(byte[] first, byte[] second) {
        int chk = 1;
        for (byte[] part : new byte[][] {first, second}) {
            for (byte b : part) {
                int top = chk >>> 25;
                chk = ((chk & 0x1ffffff) << 5) ^ (b & 0xff);
                for (int i = 0; i < 5; i++) {
                    if (((top >>> i) & 1) != 0) {
                        chk ^= GENERATOR[i];
                    }
                }
            }
        }
        return chk;
    }

    private static byte[] checksum(String hrp, byte[] values) {
        byte[] padded = java.util.Arrays.copyOf(values, values.length + 6);
        int mod = polymod(expandHrp(hrp), padded) ^ 1;
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
        }
        return out;
    }

    private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << to) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
        for (byte b : in) {
            int v = b & 0xff;
            if ((v >>> from) != 0) {
                throw new CodecException("bech32: invalid data value");
            }
            acc = (acc << from) | v;
            bits += from;
            while (bits >= to) {
                bits -= to;
                out.write((acc >>> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (to - bits)) & maxv);
            }
        } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
            throw new CodecException("bech32: invalid padding");
        }
        return out.toByteArray();
    }
}
