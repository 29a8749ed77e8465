package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Upstream {@code SignerWithStake}: a registered signer and its stake. The keys are held in their
 * canonical JSON-hex form (upstream decodes them and re-encodes them as compact serde JSON), since
 * that form is what the hashes cover.
 *
 * @param partyId the pool id ({@code pool1…})
 * @param verificationKey the STM verification key with its proof of possession, JSON-hex
 * @param verificationKeySignature the KES signature of {@code verificationKey}, JSON-hex
 * @param operationalCertificate the pool's operational certificate, JSON-hex
 * @param kesEvolutions the {@code kes_period} the signer declared (its KES evolutions); stored, never verified
 * @param stake the stake in lovelace (unsigned 64-bit)
 */
public record SignerWithStake(
        String partyId,
        String verificationKey,
        Optional<String> verificationKeySignature,
        Optional<String> operationalCertificate,
        OptionalLong kesEvolutions,
        long stake) {

    public SignerWithStake {
        Objects.requireNonNull(partyId, "party_id");
        Objects.requireNonNull(verificationKey, "verification_key");
        Objects.requireNonNull(verificationKeySignature, "verification_key_signature");
        Objects.requireNonNull(operationalCertificate, "operational_certificate");
        Objects.requireNonNull(kesEvolutions, "kes_period");
    }

    /**
     * Upstream {@code SignerWithStake::compute_hash}: {@code hex(H(ascii(party_id) ‖ ascii(vk) ‖
     * [ascii(kes signature)] ‖ [ascii(opcert)] ‖ be8(stake)))}; the KES evolutions are not hashed.
     */
    public String computeHash() {
        MessageDigest d = Hashing.sha256();
        Hashing.ascii(d, partyId);
        Hashing.ascii(d, verificationKey);
        verificationKeySignature.ifPresent(s -> Hashing.ascii(d, s));
        operationalCertificate.ifPresent(c -> Hashing.ascii(d, c));
        Hashing.u64(d, stake);
        return Hashing.finish(d);
    }

    /** The party and stake as certificate metadata lists it. */
    public StakeDistributionParty toStakeDistributionParty() {
        return new StakeDistributionParty(partyId, stake);
    }
}
