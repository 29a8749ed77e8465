package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;

/**
 * Mithril protocol parameters {@code {k, m, phi_f}}. Equality and hashing use the U8F24 fixed-point
 * value of {@code phi_f} (round half to even), as upstream's {@code fixed} conversion does, so two doubles
 * that round to the same fixed value are equal.
 */
public record ProtocolParameters(long k, long m, double phiF) {

    public ProtocolParameters {
        if (!Double.isFinite(phiF) || phiF < 0 || phiF >= 256.0) {
            throw new IllegalArgumentException("phi_f must be finite and in [0, 256): " + phiF);
        }
    }

    /** {@code phi_f} as unsigned U8F24 fixed point (exact scaling, ties to even). */
    public int phiFixed() {
        return (int) (long) Math.rint(phiF * 0x1p24);
    }

    /** {@code hex(H(u64be(k) || u64be(m) || u32be(phi_fixed)))}. */
    public String computeHash() {
        MessageDigest d = Hashing.sha256();
        Hashing.u64(d, k);
        Hashing.u64(d, m);
        Hashing.u32(d, phiFixed());
        return Hashing.finish(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolParameters p && p.k == k && p.m == m && p.phiFixed() == phiFixed();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(k) * 31 * 31 + Long.hashCode(m) * 31 + phiFixed();
    }
}
