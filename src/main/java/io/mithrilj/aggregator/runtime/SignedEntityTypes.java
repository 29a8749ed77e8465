package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;

/** Upstream {@code SignedEntityConfig::time_point_to_signed_entity} (spec aggregator-runtime.md §12). */
final class SignedEntityTypes {
    private SignedEntityTypes() {}

    /** The signed entity of this kind at this time point. */
    static SignedEntityType forTimePoint(SignedEntityTypeDiscriminant kind, TimePoint timePoint) {
        return switch (kind) {
            case MITHRIL_STAKE_DISTRIBUTION -> new SignedEntityType.MithrilStakeDistribution(timePoint.epoch());
            case CARDANO_STAKE_DISTRIBUTION -> {
                if (timePoint.epoch().value() == 0) {
                    throw new IllegalStateException("Cannot compute the previous epoch of epoch 0");
                }
                yield new SignedEntityType.CardanoStakeDistribution(
                        timePoint.epoch().minus(1));
            }
            case CARDANO_IMMUTABLE_FILES_FULL ->
                new SignedEntityType.CardanoImmutableFilesFull(
                        new CardanoDbBeacon(timePoint.epoch(), timePoint.immutableFileNumber()));
            case CARDANO_DATABASE ->
                new SignedEntityType.CardanoDatabase(
                        new CardanoDbBeacon(timePoint.epoch(), timePoint.immutableFileNumber()));
            case CARDANO_TRANSACTIONS ->
                throw new IllegalStateException("CardanoTransactions is not certified by this build yet");
            case CARDANO_BLOCKS_TRANSACTIONS ->
                throw new IllegalStateException("Cardano blocks transactions is not supported yet");
        };
    }
}
