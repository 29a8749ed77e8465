package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A Sum6 KES secret key and its current period (mutable: {@link #update()} evolves it in place and
 * erases the material of past periods).
 *
 * <p>Byte layout (608 bytes, as the Haskell/cardano-cli file format and the Rust crate): the
 * current leaf Ed25519 seed (32 bytes), then for each level {@code d = 1..6} a block {@code seed_d
 * (32) ‖ lhs_d (32) ‖ rhs_d (32)} where {@code seed_d} is the seed of the right subtree (zeroed
 * once that subtree is in use) and {@code lhs_d, rhs_d} are the two child keys. The Rust crate
 * appends the period as a big-endian {@code u32} (612 bytes).
 *
 * <p>Key generation from a 32-byte seed {@code s} at depth {@code d ≥ 1}: {@code r₀ = B2b-256(0x01
 * ‖ s)}, {@code r₁ = B2b-256(0x02 ‖ s)}; the left subtree is generated from {@code r₀}, {@code r₁}
 * is kept for the right one; at depth 0 the seed is the Ed25519 seed.
 */
public final class Sum6KesSigningKey {
    private static final int LEAF = 32;

    private final byte[] key;
    private int period;

    private Sum6KesSigningKey(byte[] key, int period) {
        this.key = key;
        this.period = period;
    }

    /** Generates the key of a 32-byte seed (the seed array is not modified), at period 0. */
    public static Sum6KesSigningKey generate(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("KES seed must be 32 bytes");
        }
        byte[] key = new byte[Sum6Kes.SECRET_KEY_SIZE];
        generateInto(key, Sum6Kes.DEPTH, seed.clone());
        return new Sum6KesSigningKey(key, 0);
    }

    /** Generates a key from 32 random bytes. */
    public static Sum6KesSigningKey generate(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        try {
            return generate(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Reads a key: 612 bytes (608 + big-endian u32 period, the Rust crate) or 608 bytes (the
     * cardano-cli file format, which always holds a period-0 key).
     */
    public static Sum6KesSigningKey fromBytes(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("KES secret key is null");
        }
        if (bytes.length == Sum6Kes.SECRET_KEY_SIZE) {
            return new Sum6KesSigningKey(bytes.clone(), 0);
        }
        if (bytes.length != Sum6Kes.SECRET_KEY_SIZE_WITH_PERIOD) {
            throw new CodecException("KES secret key must be " + Sum6Kes.SECRET_KEY_SIZE + " or "
                    + Sum6Kes.SECRET_KEY_SIZE_WITH_PERIOD + " bytes, got " + bytes.length);
        }
        int n = Sum6Kes.SECRET_KEY_SIZE;
        long p = ((bytes[n] & 0xFFL) << 24)
                | ((bytes[n + 1] & 0xFFL) << 16)
                | ((bytes[n + 2] & 0xFFL) << 8)
                | (bytes[n + 3] & 0xFFL);
        if (p >= Sum6Kes.TOTAL_PERIODS) {
            throw new CodecException("KES secret key period " + p + " is out of range 0..63");
        }
        return new Sum6KesSigningKey(Arrays.copyOf(bytes, n), (int) p);
    }

    /** 612 bytes: the 608-byte key then the period as a big-endian {@code u32}. */
    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(key, Sum6Kes.SECRET_KEY_SIZE_WITH_PERIOD);
        int n = Sum6Kes.SECRET_KEY_SIZE;
        out[n] = (byte) (period >>> 24);
        out[n + 1] = (byte) (period >>> 16);
        out[n + 2] = (byte) (period >>> 8);
        out[n + 3] = (byte) period;
        return out;
    }

    /** The current period, {@code 0..63}. */
    public int period() {
        return period;
    }

    /** The root verification key: Blake2b-256 of the two level-6 child keys. */
    public KesPublicKey publicKey() {
        int base = blockOffset(Sum6Kes.DEPTH);
        return KesPublicKey.fromBytes(Hashes.blake2b256(
                Arrays.copyOfRange(key, base + 32, base + 64), Arrays.copyOfRange(key, base + 64, base + 96)));
    }

    /**
     * Evolves the key to the next period.
     *
     * @throws KesPeriodOutOfRangeException when the key is already at period 63
     */
    public void update() {
        if (period + 1 >= Sum6Kes.TOTAL_PERIODS) {
            throw new KesPeriodOutOfRangeException(period + 1L, "KES key cannot be updated beyond period 63");
        }
        updateLevel(Sum6Kes.DEPTH, period);
        period++;
    }

    /**
     * Evolves the key up to {@code targetPeriod}.
     *
     * @throws KesPeriodOutOfRangeException when the target is before the current period or above 63
     */
    public void updateTo(long targetPeriod) {
        if (targetPeriod < period || targetPeriod >= Sum6Kes.TOTAL_PERIODS) {
            throw new KesPeriodOutOfRangeException(
                    targetPeriod,
                    "cannot evolve a key at period " + period + " to " + Long.toUnsignedString(targetPeriod));
        }
        while (period < targetPeriod) {
            update();
        }
    }

    /** Signs at the current period. */
    public Sum6KesSignature sign(byte[] message) {
        byte[] sig = new byte[Sum6Kes.SIGNATURE_SIZE];
        byte[] leafSeed = Arrays.copyOfRange(key, 0, LEAF);
        try {
            System.arraycopy(Ed25519SigningKey.fromSeed(leafSeed).sign(message).toBytes(), 0, sig, 0, 64);
        } finally {
            Arrays.fill(leafSeed, (byte) 0);
        }
        for (int d = 1; d <= Sum6Kes.DEPTH; d++) {
            System.arraycopy(key, blockOffset(d) + 32, sig, 64 * d, 64);
        }
        return Sum6KesSignature.fromBytes(sig);
    }

    /** Overwrites the secret material with zeros; the key is unusable afterwards. */
    public void erase() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "Sum6KesSigningKey[period=" + period + ", <redacted>]";
    }

    // ---- tree operations on the flat layout ----

    /** Offset of the {@code seed ‖ lhs ‖ rhs} block of level {@code d ≥ 1}; the level-{@code d}
     * key occupies {@code [0, blockOffset(d) + 96)}. */
    private static int blockOffset(int d) {
        return LEAF + 96 * (d - 1);
    }

    /** Writes the depth-{@code d} key of {@code seed} at the start of {@code key}; returns its
     * public key. Erases {@code seed}. */
    private static byte[] generateInto(byte[] key, int d, byte[] seed) {
        if (d == 0) {
            System.arraycopy(seed, 0, key, 0, LEAF);
            byte[] pk = Ed25519SigningKey.fromSeed(seed).verificationKey().toBytes();
            Arrays.fill(seed, (byte) 0);
            return pk;
        }
        byte[] r0 = Hashes.blake2b256(new byte[] {1}, seed);
        byte[] r1 = Hashes.blake2b256(new byte[] {2}, seed);
        Arrays.fill(seed, (byte) 0);
        int base = blockOffset(d);
        System.arraycopy(r1, 0, key, base, 32);
        byte[] lhs = generateInto(key, d - 1, r0);
        byte[] rhs = publicKeyOf(d - 1, r1);
        System.arraycopy(lhs, 0, key, base + 32, 32);
        System.arraycopy(rhs, 0, key, base + 64, 32);
        return Hashes.blake2b256(lhs, rhs);
    }

    /** The public key of the depth-{@code d} key of {@code seed}, keeping nothing. Erases {@code seed}. */
    private static byte[] publicKeyOf(int d, byte[] seed) {
        byte[] scratch = new byte[d == 0 ? LEAF : blockOffset(d) + 96];
        try {
            return generateInto(scratch, d, seed);
        } finally {
            Arrays.fill(scratch, (byte) 0);
        }
    }

    /** Moves the depth-{@code d} key (held at the start of {@link #key}) from period {@code t} to {@code t + 1}. */
    private void updateLevel(int d, int t) {
        int half = 1 << (d - 1);
        if (t + 1 < half) {
            updateLevel(d - 1, t);
        } else if (t + 1 == half) {
            // switch to the right subtree: regenerate it from the kept seed, then forget the seed
            int base = blockOffset(d);
            byte[] r1 = Arrays.copyOfRange(key, base, base + 32);
            Arrays.fill(key, base, base + 32, (byte) 0);
            Arrays.fill(key, 0, base, (byte) 0);
            generateInto(key, d - 1, r1);
        } else {
            updateLevel(d - 1, t - half);
        }
    }
}
