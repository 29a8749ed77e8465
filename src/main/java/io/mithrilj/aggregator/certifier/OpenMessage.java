package io.mithrilj.aggregator.certifier;

import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import io.mithrilj.aggregator.protocol.json.MessageFormatException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Upstream {@code OpenMessage}: a protocol message being signed for one signed entity type and beacon.
 *
 * @param epoch the epoch it is signed at ({@link SignedEntityType#signedAtEpoch()}, the {@code epoch_setting_id})
 */
public record OpenMessage(
        UUID id,
        Epoch epoch,
        SignedEntityType signedEntityType,
        ProtocolMessage protocolMessage,
        boolean certified,
        boolean expired,
        Instant createdAt,
        Optional<Instant> expiresAt) {

    public OpenMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(signedEntityType, "signedEntityType");
        Objects.requireNonNull(protocolMessage, "protocolMessage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * The signed entity type of a stored row: its type id and its beacon as upstream stores it ({@link
     * SignedEntityType#beaconJson()}).
     *
     * @throws MessageFormatException when the id is unknown or the beacon does not fit it
     */
    public static SignedEntityType signedEntityType(int typeId, String beaconJson) {
        SignedEntityTypeDiscriminant kind = null;
        for (SignedEntityTypeDiscriminant d : SignedEntityTypeDiscriminant.values()) {
            if (d.id() == typeId) kind = d;
        }
        if (kind == null) throw new MessageFormatException("unknown signed entity type id " + typeId);
        try {
            return switch (kind) {
                case MITHRIL_STAKE_DISTRIBUTION ->
                    new SignedEntityType.MithrilStakeDistribution(new Epoch(Long.parseUnsignedLong(beaconJson)));
                case CARDANO_STAKE_DISTRIBUTION ->
                    new SignedEntityType.CardanoStakeDistribution(new Epoch(Long.parseUnsignedLong(beaconJson)));
                case CARDANO_IMMUTABLE_FILES_FULL ->
                    new SignedEntityType.CardanoImmutableFilesFull(dbBeacon(beaconJson));
                case CARDANO_DATABASE -> new SignedEntityType.CardanoDatabase(dbBeacon(beaconJson));
                case CARDANO_TRANSACTIONS -> {
                    var node = CertificateJson.parse(beaconJson);
                    yield new SignedEntityType.CardanoTransactions(
                            new Epoch(node.get("epoch").asLong()),
                            node.get("block_number").asLong());
                }
                case CARDANO_BLOCKS_TRANSACTIONS -> {
                    var node = CertificateJson.parse(beaconJson);
                    yield new SignedEntityType.CardanoBlocksTransactions(
                            new Epoch(node.get("epoch").asLong()),
                            node.get("block_number").asLong());
                }
            };
        } catch (RuntimeException e) {
            throw new MessageFormatException(
                    "stored beacon " + beaconJson + " does not fit signed entity type " + kind.variantName(), e);
        }
    }

    private static CardanoDbBeacon dbBeacon(String json) {
        var node = CertificateJson.parse(json);
        return new CardanoDbBeacon(
                new Epoch(node.get("epoch").asLong()),
                node.get("immutable_file_number").asLong());
    }
}
