package io.mithrilj.aggregator.crypto.kes;

import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Cardano's Sum6 KES: the MMM binary "sum" composition of Ed25519 to depth 6, with Blake2b-256
 * hashing the two child keys of every node.
 *
 * <p>Signature layout (448 bytes, innermost first): {@code σ₀ (64-byte Ed25519) ‖ lhs₁ ‖ rhs₁ ‖ …
 * ‖ lhs₆ ‖ rhs₆}, each child key 32 bytes; level 6 is the root's pair. Verification at period
 * {@code t} walks from the root: the pair must hash to the expected key, then the left child is
 * taken when {@code t < 2^(d-1)}, else the right child with {@code t − 2^(d-1)}; the leaf key
 * verifies {@code σ₀} with Ed25519 {@code verify_strict}.
 */
public final class Sum6Kes {
    /** Tree depth. */
    public static final int DEPTH = 6;
    /** Number of periods a key covers: 64, numbered {@code 0..63}. */
    public static final int TOTAL_PERIODS = 1 << DEPTH;
    /** Signature size: {@code 64 + 6 × 64}. */
    public static final int SIGNATURE_SIZE = 64 + DEPTH * 64;
    /** Secret key size without the period (the cardano-cli / Haskell file format). */
    public static final int SECRET_KEY_SIZE = 32 + DEPTH * 96;
    /** Secret key size with the trailing big-endian {@code u32} period (the Rust crate format). */
    public static final int SECRET_KEY_SIZE_WITH_PERIOD = SECRET_KEY_SIZE + 4;

    private Sum6Kes() {}

    /**
     * Verifies {@code signature} (448 bytes) of {@code message} at {@code period} (the number of
     * evolutions since the key's start) under the root key {@code publicKey}.
     *
     * @throws KesPeriodOutOfRangeException when {@code period} is not in {@code 0..63}
     * @throws KesSignatureInvalidException when the signature does not verify
     */
    public static void verify(long period, KesPublicKey publicKey, byte[] message, Sum6KesSignature signature) {
        if (period < 0 || period >= TOTAL_PERIODS) {
            throw new KesPeriodOutOfRangeException(period, "cannot verify at this period");
        }
        byte[] sig = signature.rawBytes();
        byte[] expected = publicKey.rawBytes();
        int t = (int) period;
        for (int d = DEPTH; d >= 1; d--) {
            int offset = 64 * d;
            byte[] lhs = Arrays.copyOfRange(sig, offset, offset + 32);
            byte[] rhs = Arrays.copyOfRange(sig, offset + 32, offset + 64);
            if (!MessageDigest.isEqual(Hashes.blake2b256(lhs, rhs), expected)) {
                throw new KesSignatureInvalidException(
                        period, new IllegalStateException("hash of the level-" + d + " key pair does not match"));
            }
            int half = 1 << (d - 1);
            if (t < half) {
                expected = lhs;
            } else {
                expected = rhs;
                t -= half;
            }
        }
        try {
            Ed25519VerificationKey leaf = Ed25519VerificationKey.fromBytes(expected);
            leaf.verify(message, Ed25519Signature.fromBytes(Arrays.copyOfRange(sig, 0, 64)));
        } catch (CodecException | Ed25519VerificationException e) {
            throw new KesSignatureInvalidException(period, e);
        }
    }

    /** {@link #verify} as a boolean ({@code false} also for a period out of range). */
    public static boolean isValid(long period, KesPublicKey publicKey, byte[] message, Sum6KesSignature signature) {
        try {
            verify(period, publicKey, message, signature);
            return true;
        } catch (KesException e) {
            return false;
        }
    }
}
