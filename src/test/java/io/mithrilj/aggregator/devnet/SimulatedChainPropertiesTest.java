package io.mithrilj.aggregator.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SimulatedChainPropertiesTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

    @Property(tries = 300)
    void timePointsFollowTheClockAndNeverGoBack(
            @ForAll @LongRange(min = 0, max = 1_000) long initialEpoch,
            @ForAll @LongRange(min = 1, max = 500) long epochLength,
            @ForAll @LongRange(min = 1, max = 200) long slotsPerKesPeriod,
            @ForAll @IntRange(min = 1, max = 5) int files,
            @ForAll @LongRange(min = 0, max = 100_000) long firstSecond,
            @ForAll @LongRange(min = 0, max = 10_000) long step) {
        int filesPerEpoch = (int) Math.min(files, epochLength);
        DevnetClock clock = new DevnetClock(START.plusSeconds(firstSecond));
        SimulatedChain chain = new SimulatedChain(
                new SimulatedChain.Settings(START, initialEpoch, epochLength, slotsPerKesPeriod, filesPerEpoch),
                clock,
                Map.of("pool1x", 1L));

        TimePoint before = chain.timePoint();
        long kesBefore = chain.currentKesPeriod().orElseThrow();
        clock.advance(Duration.ofSeconds(step));
        TimePoint after = chain.timePoint();

        long slot = initialEpoch * epochLength + firstSecond;
        assertThat(before.chainPoint().slotNumber()).isEqualTo(slot);
        assertThat(after.chainPoint().slotNumber()).isEqualTo(slot + step);
        assertThat(before.epoch()).isEqualTo(Epoch.of(slot / epochLength));
        assertThat(after.epoch().value() - before.epoch().value())
                .isBetween(step / epochLength, step / epochLength + 1);
        assertThat(after.immutableFileNumber()).isGreaterThanOrEqualTo(before.immutableFileNumber());
        assertThat(chain.currentKesPeriod().orElseThrow()).isGreaterThanOrEqualTo(kesBefore);
        // the first instant of the current epoch belongs to it, the instant before to the previous epoch
        Instant epochStart = chain.startOf(after.epoch());
        clock.set(epochStart);
        assertThat(chain.epoch()).isEqualTo(after.epoch());
        if (after.epoch().value() > initialEpoch) {
            clock.set(epochStart.minusSeconds(1));
            assertThat(chain.epoch()).isEqualTo(after.epoch().minus(1));
        }
    }
}
