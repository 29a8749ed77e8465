package io.mithrilj.aggregator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one vocabulary of signed entity types: ids, tags, order and timeouts as upstream 2603.1 has them. */
class SignedEntityTypeDiscriminantTest {

    @Test
    void upstreamsDeclarationOrderWithItsDatabaseIds() {
        assertThat(Arrays.stream(SignedEntityTypeDiscriminant.values())
                        .map(d -> d.id() + " " + d.variantName())
                        .toList())
                .containsExactly(
                        "0 MithrilStakeDistribution",
                        "1 CardanoStakeDistribution",
                        "2 CardanoImmutableFilesFull",
                        "4 CardanoDatabase",
                        "3 CardanoTransactions",
                        "5 CardanoBlocksTransactions");
        assertThat(SignedEntityType.VARIANT_NAMES)
                .containsExactlyElementsOf(Arrays.stream(SignedEntityTypeDiscriminant.values())
                        .map(SignedEntityTypeDiscriminant::variantName)
                        .toList());
    }

    @Test
    void openMessageTimeouts() {
        // aggregator-runtime.md §10.2 (upstream get_open_message_timeout)
        assertThat(SignedEntityTypeDiscriminant.MITHRIL_STAKE_DISTRIBUTION.openMessageTimeout())
                .isEqualTo(Duration.ofHours(1));
        assertThat(SignedEntityTypeDiscriminant.CARDANO_STAKE_DISTRIBUTION.openMessageTimeout())
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(List.of(
                        SignedEntityTypeDiscriminant.CARDANO_IMMUTABLE_FILES_FULL,
                        SignedEntityTypeDiscriminant.CARDANO_DATABASE,
                        SignedEntityTypeDiscriminant.CARDANO_TRANSACTIONS,
                        SignedEntityTypeDiscriminant.CARDANO_BLOCKS_TRANSACTIONS))
                .allSatisfy(d -> assertThat(d.openMessageTimeout()).isEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void eachSignedEntityTypeNamesItsDiscriminant() {
        Epoch e = new Epoch(7);
        CardanoDbBeacon beacon = new CardanoDbBeacon(e, 42);
        List<SignedEntityType> types = List.of(
                new SignedEntityType.MithrilStakeDistribution(e),
                new SignedEntityType.CardanoStakeDistribution(e),
                new SignedEntityType.CardanoImmutableFilesFull(beacon),
                new SignedEntityType.CardanoDatabase(beacon),
                new SignedEntityType.CardanoTransactions(e, 99),
                new SignedEntityType.CardanoBlocksTransactions(e, 99));
        assertThat(types.stream().map(t -> t.discriminant().orElseThrow()).toList())
                .containsExactly(SignedEntityTypeDiscriminant.values());
        assertThat(types).allSatisfy(t -> {
            assertThat(t.variantName()).isEqualTo(t.discriminant().orElseThrow().variantName());
            assertThat(t.index()).isEqualTo(t.discriminant().orElseThrow().id());
        });
        SignedEntityType unknown = new SignedEntityType.Unknown("CardanoFuture", "1");
        assertThat(unknown.discriminant()).isEmpty();
        assertThat(unknown.index()).isEqualTo(-1);
        assertThat(unknown.variantName()).isEqualTo("CardanoFuture");
    }

    @Test
    void beaconsAsUpstreamStoresThem() {
        Epoch e = new Epoch(18);
        assertThat(new SignedEntityType.MithrilStakeDistribution(e).beaconJson())
                .isEqualTo("18");
        assertThat(new SignedEntityType.CardanoStakeDistribution(e).beaconJson())
                .isEqualTo("18");
        assertThat(new SignedEntityType.CardanoImmutableFilesFull(new CardanoDbBeacon(e, 7)).beaconJson())
                .isEqualTo("{\"epoch\":18,\"immutable_file_number\":7}");
        assertThat(new SignedEntityType.CardanoDatabase(new CardanoDbBeacon(e, 7)).beaconJson())
                .isEqualTo("{\"epoch\":18,\"immutable_file_number\":7}");
        assertThat(new SignedEntityType.CardanoTransactions(e, 524).beaconJson())
                .isEqualTo("{\"block_number\":524,\"epoch\":18}");
        assertThat(new SignedEntityType.CardanoTransactions(e, -1).beaconJson())
                .isEqualTo("{\"block_number\":18446744073709551615,\"epoch\":18}");
        assertThat(new SignedEntityType.Unknown("Future", "[1,2,3]").beaconJson())
                .isEqualTo("[1,2,3]");
    }

    @Test
    void tagsAreLookedUpExactly() {
        assertThat(SignedEntityTypeDiscriminant.ofVariantName("CardanoDatabase"))
                .contains(SignedEntityTypeDiscriminant.CARDANO_DATABASE);
        assertThat(SignedEntityTypeDiscriminant.ofVariantName("cardanoDatabase"))
                .isEmpty();
        assertThat(SignedEntityTypeDiscriminant.signable())
                .doesNotContain(SignedEntityTypeDiscriminant.CARDANO_BLOCKS_TRANSACTIONS)
                .hasSize(5);
    }
}
