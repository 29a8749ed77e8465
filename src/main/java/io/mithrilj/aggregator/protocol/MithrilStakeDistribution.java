package io.mithrilj.aggregator.protocol;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Upstream {@code MithrilStakeDistribution} artifact (artifacts.md §2): the next signers of an epoch,
 * sorted by party id, with the next protocol parameters. Its {@code hash} (the artifact id) covers
 * the epoch and the signers only.
 */
public record MithrilStakeDistribution(
        Epoch epoch, List<SignerWithStake> signersWithStake, String hash, ProtocolParameters protocolParameters) {

    public MithrilStakeDistribution {
        Objects.requireNonNull(epoch, "epoch");
        signersWithStake = List.copyOf(signersWithStake);
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(protocolParameters, "protocol_parameters");
    }

    /** The artifact of these signers (sorted here by party id) and parameters, with its hash computed. */
    public static MithrilStakeDistribution of(
            Epoch epoch, List<SignerWithStake> signers, ProtocolParameters protocolParameters) {
        List<SignerWithStake> sorted = new ArrayList<>(signers);
        sorted.sort(Comparator.comparing(SignerWithStake::partyId, PartyIdOrder.BYTES));
        return new MithrilStakeDistribution(epoch, sorted, computeHash(epoch, sorted), protocolParameters);
    }

    /** {@code hex(H(be8(epoch) ‖ ascii(signer_hash) for each signer in the given order))}. */
    public static String computeHash(Epoch epoch, List<SignerWithStake> sortedSigners) {
        MessageDigest d = Hashing.sha256();
        Hashing.u64(d, epoch.value());
        for (SignerWithStake s : sortedSigners) {
            Hashing.ascii(d, s.computeHash());
        }
        return Hashing.finish(d);
    }
}
