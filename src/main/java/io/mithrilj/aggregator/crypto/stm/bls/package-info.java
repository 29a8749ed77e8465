/**
 * BLS12-381 primitives of STM (blst "min_sig" variant: signatures and PoP in G1, verification keys in G2).
 *
 * <p>The only package allowed to import {@code supranational.blst} (the jblst binding) or to make native calls
 * through the Foreign Function &amp; Memory API ({@link io.mithrilj.aggregator.crypto.stm.bls.NativeBlst} calls
 * the libblst shipped in the jblst jar for point decoding, multi-scalar multiplication and pairing checks).
 * It knows nothing of the STM protocol: no lottery, no Merkle tree, no codecs beyond compressed points.
 */
package io.mithrilj.aggregator.crypto.stm.bls;
