package io.mithrilj.aggregator.protocol.signable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.protocol.CardanoDbBeacon;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolMessage;
import io.mithrilj.aggregator.protocol.ProtocolMessagePartKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two Cardano database signables on the digests of upstream's immutable fixture files (artifacts.md §5.1,
 * §6.1, §8.4) and upstream's beacon hash vector. The digests of the files themselves are checked against the
 * real bytes in {@code ImmutableDigesterTest}.
 */
class CardanoDatabaseSignablesGoldenTest {

    /** §8.4: the 12 fixture files 00000..00003, in immutable file order. */
    static final List<String> FIXTURE_DIGESTS = List.of(
            "dd65d0b1fd9accf7df1c85b5e9614301c1898580ca84005225dfb28b5a6083d2",
            "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876",
            "b300ab1a2a87f4907b0412dc442c7f91badf0a58ede0a9eeba62c7f81c385068",
            "67d6916e56510a60f9516b03144aa009a6f3feac8c0f92ae22b39688c49cd601",
            "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876",
            "06d39413fdca442b1cc234bce758e011d89c006a7f52a55dcb5c06228e86bf6e",
            "31b808b903c44647ff39a5fa796973f4422b59ad2691a22ec9d0a6e1b23b9cfb",
            "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876",
            "b856be6008b6ca8166f319a15b6e2338b498372b4a9a31e5dbf1968cbd05c60b",
            "428c5c3ec85f4f203458394cb3b094eb18a96bee707aa511e01c38c8ec927b5c",
            "26f0849c3b98576a1e3280a5b134bbe41b2c4f2cede825b513506541ac43b876",
            "6ed3378c35e0417acf1f07dcaa70da1e0df6e0c664f487a781e248f5b2c15f3e");

    static List<String> upTo(int n) {
        return FIXTURE_DIGESTS.subList(0, 3 * (n + 1));
    }

    @Test
    void upstreamBeaconHashVector() {
        CardanoDbBeacon beacon = new CardanoDbBeacon(10, 100);
        String expected = "48cbf709b56204d8315aefd3a416b45398094f6fd51785c5b7dcaf7f35aacbfb";
        assertThat(CardanoImmutableFilesFullSignable.beaconHash("testnet", beacon))
                .isEqualTo(expected);
        // each input counts: network, epoch, immutable file number
        assertThat(CardanoImmutableFilesFullSignable.beaconHash("mainnet", beacon))
                .isNotEqualTo(expected);
        assertThat(CardanoImmutableFilesFullSignable.beaconHash("testnet", new CardanoDbBeacon(20, 100)))
                .isNotEqualTo(expected);
        assertThat(CardanoImmutableFilesFullSignable.beaconHash("testnet", new CardanoDbBeacon(10, 200)))
                .isNotEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "1, 0, b881bed63a71068888a50fe84af58ec61e56239d8dab504fc5941166ce6713e5,"
                + " 05f24607660a5b70986b382f90e96b046e10c780c626e2774ae1da61b4806eac",
        "9, 1, b8dd7f9d9d7c87427ea8dc91d75d18781d497656c77cd1233bf65e091d23b904,"
                + " 512520a3bbfc1c758519f31b6eb4c79c5969189a5d76641dfdf03945aa244150",
        "10, 2, a1c5aec5e893ecb650b43712a498390de905950e91ee04976fb32dec766b941b,"
                + " ab4b690ffad9a9529101603efe459450e0dc476e5e7945dfed91415689b0dfcb",
        "13, 3, 95628b48e91683582282aab6d7d452b4b6b372b01e9bd494a429887bc258675b,"
                + " fea2e010a002d5e184c542000861b0a097731f74bbc2dab21c3c70ef4c020a85"
    })
    void snapshotDigestsOfTheFixtureFiles(long epoch, int n, String beaconHash, String snapshotDigest) {
        CardanoDbBeacon beacon = new CardanoDbBeacon(epoch, n);
        assertThat(CardanoImmutableFilesFullSignable.beaconHash("devnet", beacon))
                .isEqualTo(beaconHash);
        assertThat(CardanoImmutableFilesFullSignable.snapshotDigest("devnet", beacon, upTo(n)))
                .isEqualTo(snapshotDigest);
        assertThat(CardanoImmutableFilesFullSignable.computeProtocolMessage("devnet", beacon, upTo(n))
                        .parts())
                .containsOnlyKeys(ProtocolMessagePartKey.SNAPSHOT_DIGEST)
                .containsEntry(ProtocolMessagePartKey.SNAPSHOT_DIGEST, snapshotDigest);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 568a3c5d1f6a780af9bc647141ff1fc35cf66b287b032ea38042b8be48467dd1",
        "1, 6338272c32370c155d5578c94ad7ebdb9a9a4c344d4ea73f72e3fa6e1769ff1f",
        "2, 75e3de518bb1484c6762f4086548bc854baafd77b06f9538d04abf73e67436a7",
        "3, bd8431040be7e09cc82dd3e655cc7f1d5b4773ba9ec278c766cbf5df19c816a7"
    })
    void merkleRootsOfTheFixtureFiles(int n, String root) {
        // the root does not depend on the network or the epoch
        for (long epoch : new long[] {1, 17}) {
            ProtocolMessage message =
                    CardanoDatabaseSignable.computeProtocolMessage(new CardanoDbBeacon(epoch, n), upTo(n));
            assertThat(message.parts())
                    .containsOnlyKeys(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT)
                    .containsEntry(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT, root);
        }
        assertThat(CardanoDatabaseSignable.merkleTree(upTo(n)).totalLeaves()).isEqualTo(3L * (n + 1));
    }

    @Test
    void theHexStringsAreHashedNotTheirBytes() {
        CardanoDbBeacon beacon = new CardanoDbBeacon(1, 0);
        List<String> upper =
                upTo(0).stream().map(d -> d.toUpperCase(java.util.Locale.ROOT)).toList();
        assertThat(CardanoImmutableFilesFullSignable.snapshotDigest("devnet", beacon, upper))
                .isNotEqualTo("05f24607660a5b70986b382f90e96b046e10c780c626e2774ae1da61b4806eac");
        assertThat(CardanoDatabaseSignable.computeProtocolMessage(beacon, upper)
                        .get(ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT))
                .isPresent()
                .get()
                .isNotEqualTo("568a3c5d1f6a780af9bc647141ff1fc35cf66b287b032ea38042b8be48467dd1");
    }

    @Test
    void seededMessagesCarryTheSeedParts() {
        SignableSeed seed = new SignableSeed("avk-json-hex", "params-hash", new Epoch(14));
        CardanoDbBeacon beacon = new CardanoDbBeacon(13, 3);
        ProtocolMessage full =
                CardanoImmutableFilesFullSignable.computeSeededProtocolMessage("devnet", beacon, upTo(3), seed);
        assertThat(full.parts().keySet())
                .containsExactly(
                        ProtocolMessagePartKey.SNAPSHOT_DIGEST,
                        ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY,
                        ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS,
                        ProtocolMessagePartKey.CURRENT_EPOCH);
        assertThat(full.get(ProtocolMessagePartKey.CURRENT_EPOCH)).contains("14");
        ProtocolMessage cdb = CardanoDatabaseSignable.computeSeededProtocolMessage(beacon, upTo(3), seed);
        assertThat(cdb.parts().keySet())
                .containsExactly(
                        ProtocolMessagePartKey.NEXT_AGGREGATE_VERIFICATION_KEY,
                        ProtocolMessagePartKey.NEXT_PROTOCOL_PARAMETERS,
                        ProtocolMessagePartKey.CURRENT_EPOCH,
                        ProtocolMessagePartKey.CARDANO_DATABASE_MERKLE_ROOT);
    }

    @Test
    void noDigestIsAnError() {
        CardanoDbBeacon beacon = new CardanoDbBeacon(3, 7);
        assertThatThrownBy(() -> CardanoImmutableFilesFullSignable.snapshotDigest("devnet", beacon, List.of()))
                .isInstanceOf(SignableException.class)
                .hasMessageContaining("3/7");
        assertThatThrownBy(() -> CardanoDatabaseSignable.computeProtocolMessage(beacon, List.of()))
                .isInstanceOf(SignableException.class)
                .hasMessageContaining("3/7");
    }
}
