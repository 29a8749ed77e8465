package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.protocol.SignedEntityType;

/**
 * A single signature the certifier refuses (upstream {@code CertifierServiceError}): its open message is already
 * certified or expired (HTTP 410), or it does not verify against the open message (HTTP 500, as upstream).
 */
public abstract sealed class SignatureRefusedException extends RuntimeException {

    SignatureRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Upstream's debug form of a signed entity type, as its error texts embed it. */
    static String debug(SignedEntityType type) {
        return switch (type) {
            case SignedEntityType.MithrilStakeDistribution v ->
                "MithrilStakeDistribution(Epoch(" + v.epoch().value() + "))";
            case SignedEntityType.CardanoStakeDistribution v ->
                "CardanoStakeDistribution(Epoch(" + v.epoch().value() + "))";
            case SignedEntityType.CardanoImmutableFilesFull v ->
                "CardanoImmutableFilesFull(CardanoDbBeacon { epoch: Epoch("
                        + v.beacon().epoch().value() + "), immutable_file_number: "
                        + v.beacon().immutableFileNumber() + " })";
            case SignedEntityType.CardanoDatabase v ->
                "CardanoDatabase(CardanoDbBeacon { epoch: Epoch("
                        + v.beacon().epoch().value() + "), immutable_file_number: "
                        + v.beacon().immutableFileNumber() + " })";
            case SignedEntityType.CardanoTransactions v ->
                "CardanoTransactions(Epoch(" + v.epoch().value() + "), BlockNumber(" + v.blockNumber() + "))";
            case SignedEntityType.CardanoBlocksTransactions v ->
                "CardanoBlocksTransactions(Epoch(" + v.epoch().value() + "), BlockNumber(" + v.blockNumber() + "))";
            case SignedEntityType.Unknown v -> v.name();
        };
    }

    /** HTTP 410 {@code already_certified}. */
    public static final class AlreadyCertified extends SignatureRefusedException {
        public static final String LABEL = "already_certified";

        public AlreadyCertified(SignedEntityType type) {
            super("Open message for beacon " + debug(type) + " already certified.", null);
        }
    }

    /** HTTP 410 {@code expired}. */
    public static final class Expired extends SignatureRefusedException {
        public static final String LABEL = "expired";

        public Expired(SignedEntityType type) {
            super("Open message for beacon " + debug(type) + " is expired.", null);
        }
    }

    /**
     * The signature does not verify against the open message's signed message (upstream answers 500 with its
     * {@code InvalidSingleSignature} text, then the cause as anyhow's debug form writes it).
     */
    public static final class Invalid extends SignatureRefusedException {
        public Invalid(SignedEntityType type, String partyId, Throwable cause) {
            super(
                    "Invalid single signature for " + debug(type) + " from party '" + partyId + "'.\n\nCaused by:\n    "
                            + cause.getMessage(),
                    cause);
        }
    }
}
