package io.mithrilj.aggregator.protocol;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of {@link SignedEntityType} without their beacons (upstream {@code SignedEntityTypeDiscriminants},
 * 2603.1), in upstream's declaration order, which is their sort order: the one source of each kind's database
 * id ({@code signed_entity_type_id}), JSON tag, database name (rows of the {@code signed_entity_type} table)
 * and open-message timeout.
 */
public enum SignedEntityTypeDiscriminant {
    MITHRIL_STAKE_DISTRIBUTION(0, "MithrilStakeDistribution", "Mithril Stake Distribution", 3600),
    CARDANO_STAKE_DISTRIBUTION(1, "CardanoStakeDistribution", "Cardano Stake Distribution", 1800),
    CARDANO_IMMUTABLE_FILES_FULL(2, "CardanoImmutableFilesFull", "Full Cardano Immutable Files", 600),
    CARDANO_DATABASE(4, "CardanoDatabase", "Cardano Database", 600),
    CARDANO_TRANSACTIONS(3, "CardanoTransactions", "Cardano Transactions", 600),
    CARDANO_BLOCKS_TRANSACTIONS(5, "CardanoBlocksTransactions", "Cardano Blocks Transactions", 600);

    private final int id;
    private final String variantName;
    private final String databaseName;
    private final Duration openMessageTimeout;

    SignedEntityTypeDiscriminant(int id, String variantName, String databaseName, int openMessageTimeoutSeconds) {
        this.id = id;
        this.variantName = variantName;
        this.databaseName = databaseName;
        this.openMessageTimeout = Duration.ofSeconds(openMessageTimeoutSeconds);
    }

    /** Upstream's database id ({@code signed_entity_type_id}, its {@code index()}). */
    public int id() {
        return id;
    }

    /** The JSON tag of the variant, e.g. {@code MithrilStakeDistribution}. */
    public String variantName() {
        return variantName;
    }

    /** The name of the row of upstream's {@code signed_entity_type} table, e.g. {@code Mithril Stake Distribution}. */
    public String databaseName() {
        return databaseName;
    }

    /** How long an open message of this kind stays open (upstream {@code get_open_message_timeout}). */
    public Duration openMessageTimeout() {
        return openMessageTimeout;
    }

    /**
     * The kinds an aggregator of 2603.1 can be configured to sign, in order: all but
     * {@link #CARDANO_BLOCKS_TRANSACTIONS}, which upstream leaves out until it can be derived from a time point.
     */
    public static List<SignedEntityTypeDiscriminant> signable() {
        return Arrays.stream(values())
                .filter(d -> d != CARDANO_BLOCKS_TRANSACTIONS)
                .toList();
    }

    /** The discriminant of a JSON tag, or empty when this version does not know it. */
    public static Optional<SignedEntityTypeDiscriminant> ofVariantName(String name) {
        for (SignedEntityTypeDiscriminant d : values()) {
            if (d.variantName.equals(name)) return Optional.of(d);
        }
        return Optional.empty();
    }
}
