package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Certificate metadata. {@code signers} are the contributors in the leader's order: the order enters
 * the hash and is never sorted. Timestamps keep full nanosecond precision.
 */
public record CertificateMetadata(
        String network,
        String protocolVersion,
        ProtocolParameters protocolParameters,
        Instant initiatedAt,
        Instant sealedAt,
        List<StakeDistributionParty> signers) {

    /** Upstream {@code PROTOCOL_VERSION}, written into every certificate this code creates. */
    public static final String PROTOCOL_VERSION = "0.1.0";

    public CertificateMetadata {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(protocolParameters, "protocolParameters");
        Objects.requireNonNull(initiatedAt, "initiatedAt");
        Objects.requireNonNull(sealedAt, "sealedAt");
        signers = List.copyOf(signers);
    }

    /** Nanoseconds since the Unix epoch as a signed 64-bit value, or 0 when it does not fit (chrono's rule). */
    public static long timestampNanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException overflow) {
            return 0L;
        }
    }

    /**
     * {@code hex(H(network || version || pp_hash || i64be(nanos(initiated_at)) || i64be(nanos(sealed_at))
     * || party_hash...))}, nested hashes fed as their 64 ASCII characters.
     */
    public String computeHash() {
        MessageDigest d = Hashing.sha256();
        Hashing.ascii(d, network);
        Hashing.ascii(d, protocolVersion);
        Hashing.ascii(d, protocolParameters.computeHash());
        Hashing.u64(d, timestampNanos(initiatedAt));
        Hashing.u64(d, timestampNanos(sealedAt));
        for (StakeDistributionParty p : signers) {
            Hashing.ascii(d, p.computeHash());
        }
        return Hashing.finish(d);
    }

    /** The number of signers (the list message's {@code total_signers}). */
    public int totalSigners() {
        return signers.size();
    }
}
