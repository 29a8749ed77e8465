package io.mithrilj.aggregator.crypto.mktree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.Blake2sDigest;

/**
 * A node of an {@link MKTree} (upstream {@code MKTreeNode}): arbitrary bytes, a leaf as given (not
 * hashed) or a 32-byte Blake2s-256 merge. Immutable; equality is by content.
 */
public final class MKTreeNode implements Comparable<MKTreeNode> {
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private MKTreeNode(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A node holding a copy of {@code bytes}. */
    public static MKTreeNode of(byte[] bytes) {
        return new MKTreeNode(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /** The leaf whose bytes are the UTF-8 (ASCII in practice) text, as upstream's {@code From<&str>}. */
    public static MKTreeNode ofText(String text) {
        return new MKTreeNode(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A node from hex.
     *
     * @throws IllegalArgumentException when {@code hex} is not hex of whole bytes
     */
    public static MKTreeNode fromHex(String hex) {
        return new MKTreeNode(HEX.parseHex(hex));
    }

    /** {@code Blake2s-256(left ‖ right)}: upstream's {@code &left + &right} and the MMR merge. */
    public static MKTreeNode merge(MKTreeNode left, MKTreeNode right) {
        Blake2sDigest digest = new Blake2sDigest(256);
        digest.update(left.bytes, 0, left.bytes.length);
        digest.update(right.bytes, 0, right.bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return new MKTreeNode(out);
    }

    /** A copy of the bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Lowercase hex of the bytes (upstream {@code to_hex}). */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** Upstream's compact serde form {@code {"hash":[b0,b1,…]}}, bytes as unsigned decimals. */
    public String toJson() {
        StringBuilder out = new StringBuilder(10 + 4 * bytes.length);
        out.append("{\"hash\":[");
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(bytes[i] & 0xff);
        }
        return out.append("]}").toString();
    }

    /** Byte-wise unsigned order, shorter first on a common prefix (Rust's {@code Vec<u8>} order). */
    @Override
    public int compareTo(MKTreeNode o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MKTreeNode other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MKTreeNode[" + toHex() + "]";
    }
}
