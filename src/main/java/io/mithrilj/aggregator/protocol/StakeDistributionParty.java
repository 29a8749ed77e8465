package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.Objects;

/** A signer and its stake (unsigned 64-bit) as listed in certificate metadata. */
public record StakeDistributionParty(String partyId, long stake) {
    public StakeDistributionParty {
        Objects.requireNonNull(partyId, "partyId");
    }

    /** {@code hex(H(ascii(party_id) || u64be(stake)))}. */
    public String computeHash() {
        MessageDigest d = Hashing.sha256();
        Hashing.ascii(d, partyId);
        Hashing.u64(d, stake);
        return Hashing.finish(d);
    }
}
