package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SimulatedChainTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static SimulatedChain chain(DevnetClock clock, Map<String, Long> stakes) {
        // epoch 30 s from epoch 5, KES period 10 slots, 3 immutable files per epoch
        return new SimulatedChain(new SimulatedChain.Settings(START, 5, 30, 10, 3), clock, stakes);
    }

    @Test
    void timeDrivesSlotEpochBlockKesPeriodAndImmutableFiles() {
        DevnetClock clock = new DevnetClock(START);
        SimulatedChain chain = chain(clock, Map.of("pool1a", 10L));

        assertThat(chain.currentSlot()).isEqualTo(150);
        assertThat(chain.currentEpoch()).contains(Epoch.of(5));
        assertThat(chain.currentKesPeriod()).contains(15L);
        assertThat(chain.currentChunk()).isEqualTo(15);
        assertThat(chain.currentChainPoint()).contains(new ChainPoint(150, 150, SimulatedChain.blockHash(150)));

        clock.advance(Duration.ofSeconds(29));
        assertThat(chain.currentEpoch()).contains(Epoch.of(5));
        assertThat(chain.currentKesPeriod()).contains(17L);
        assertThat(chain.currentChunk()).isEqualTo(17);

        clock.advance(Duration.ofSeconds(1));
        assertThat(chain.currentEpoch()).contains(Epoch.of(6));
        assertThat(chain.currentChainPoint().orElseThrow().slotNumber()).isEqualTo(180);
        assertThat(chain.currentChunk()).isEqualTo(18);

        clock.set(chain.startOf(Epoch.of(9)).plusMillis(999));
        TimePoint point = chain.timePoint();
        assertThat(point.epoch()).isEqualTo(Epoch.of(9));
        assertThat(point.chainPoint().slotNumber()).isEqualTo(270);
        assertThat(point.immutableFileNumber()).isEqualTo(27);
    }

    @Test
    void blockHashesAreDistinctStable32ByteHex() {
        assertThat(SimulatedChain.blockHash(1)).hasSize(64).matches("[0-9a-f]+");
        assertThat(SimulatedChain.blockHash(1)).isEqualTo(SimulatedChain.blockHash(1));
        assertThat(SimulatedChain.blockHash(1)).isNotEqualTo(SimulatedChain.blockHash(2));
    }

    @Test
    void timeBeforeTheStartIsTheFirstSlot() {
        SimulatedChain chain = chain(new DevnetClock(START.minusSeconds(3600)), Map.of());
        assertThat(chain.currentSlot()).isEqualTo(150);
        assertThat(chain.currentEpoch()).contains(Epoch.of(5));
    }

    @Test
    void conwayWithTheStakeDistributionOfItsPoolsWithoutZeroStakesAndNoDatums() {
        LinkedHashMap<String, Long> stakes = new LinkedHashMap<>();
        stakes.put("pool1b", 20L);
        stakes.put("pool1zero", 0L);
        stakes.put("pool1a", 10L);
        SimulatedChain chain = chain(new DevnetClock(START), stakes);

        assertThat(chain.currentEra()).contains("Conway");
        assertThat(chain.currentStakeDistribution())
                .containsExactly(Map.entry("pool1b", 20L), Map.entry("pool1a", 10L));
        assertThat(chain.currentDatums("addr_test1anything")).isEmpty();
        assertThatThrownBy(() -> chain.currentStakeDistribution().put("pool1c", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stakeDistributionOfPoolsRefusesDuplicates() {
        DevnetPool pool = DevnetPool.generate(3, 0, new java.util.SplittableRandom(1));
        assertThat(SimulatedChain.stakeDistributionOf(List.of(pool))).containsExactly(Map.entry(pool.partyId(), 3L));
        assertThatThrownBy(() -> SimulatedChain.stakeDistributionOf(List.of(pool, pool)))
                .hasMessageContaining("share the party id");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new SimulatedChain.Settings(START, 1, 0, 10, 1))
                .hasMessageContaining("DEVNET_EPOCH_LENGTH_SECONDS");
        assertThatThrownBy(() -> new SimulatedChain.Settings(START, 1, 30, 0, 1))
                .hasMessageContaining("slots per KES period");
        assertThatThrownBy(() -> new SimulatedChain.Settings(START, 1, 30, 10, 31))
                .hasMessageContaining("immutable files per epoch");
        assertThatThrownBy(() -> chain(new DevnetClock(START), Map.of()).startOf(Epoch.of(4)))
                .hasMessageContaining("before the devnet's first epoch 5");
        assertThat(SimulatedChain.Settings.of(START, 30).epochLengthSeconds()).isEqualTo(30);
    }

    @Test
    void readsAreConsistentWhileAnotherThreadMovesTheClock() throws Exception {
        DevnetClock clock = new DevnetClock(START);
        SimulatedChain chain = chain(clock, Map.of("pool1a", 1L));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<?> mover = pool.submit(() -> {
                go.await();
                for (int i = 0; i < 10_000; i++) {
                    clock.advance(Duration.ofSeconds(1));
                }
                return null;
            });
            Future<List<TimePoint>> reader = pool.submit(() -> {
                go.await();
                List<TimePoint> seen = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    seen.add(chain.timePoint());
                }
                return seen;
            });
            go.countDown();
            mover.get();
            for (TimePoint p : reader.get()) {
                // each time point is read at one instant: its parts agree
                assertThat(p.epoch().value()).isEqualTo(p.chainPoint().slotNumber() / 30);
                assertThat(p.immutableFileNumber()).isEqualTo(p.chainPoint().slotNumber() / 10);
            }
            assertThat(chain.currentSlot()).isEqualTo(150 + 10_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
