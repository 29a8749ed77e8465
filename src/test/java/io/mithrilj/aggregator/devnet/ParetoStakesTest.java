package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoStakesTest {

    @Test
    void stakesAreBoundedSeededAndHeavyTailed() {
        long[] stakes = ParetoStakes.CARDANO_LIKE.sample(3000, new SplittableRandom(17));
        assertThat(stakes).hasSize(3000);
        assertThat(Arrays.stream(stakes).min().orElseThrow()).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(Arrays.stream(stakes).max().orElseThrow()).isLessThanOrEqualTo(70_000_000_000_000L);
        assertThat(ParetoStakes.CARDANO_LIKE.sample(3000, new SplittableRandom(17)))
                .containsExactly(stakes);

        // heavy tail: the largest 20 % of pools hold well over half of the stake, and stakes vary
        long[] sorted = stakes.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        long top = Arrays.stream(sorted, 2400, 3000).sum();
        assertThat((double) top / total).isGreaterThan(0.5);
        assertThat(Arrays.stream(stakes).distinct().count()).isGreaterThan(2900);
    }

    @Test
    void badShapesAreRefused() {
        assertThatThrownBy(() -> new ParetoStakes(0, 1, 2)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new ParetoStakes(1, 3, 2)).hasMessageContaining("minimum <= maximum");
    }
}
