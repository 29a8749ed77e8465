package io.mithrilj.aggregator.protocol.signable;

import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;

/**
 * Upstream {@code MithrilStakeDistributionSignableBuilder}: a MithrilStakeDistribution certificate signs
 * the seed parts only, so its own parts are empty (artifacts.md §2).
 */
public final class MithrilStakeDistributionSignable {
    private MithrilStakeDistributionSignable() {}

    /** The type-specific parts for the beacon {@code epoch}: none. */
    public static ProtocolMessage computeProtocolMessage(Epoch epoch) {
        return ProtocolMessage.empty();
    }

    /** The full protocol message: no specific part, plus the seed. */
    public static ProtocolMessage computeSeededProtocolMessage(Epoch epoch, SignableSeed seed) {
        return seed.seed(computeProtocolMessage(epoch));
    }
}
