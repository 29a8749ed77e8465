package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.chain.ChainPoint;
import io.mithrilj.aggregator.chain.TimePoint;
import io.mithrilj.aggregator.protocol.Epoch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The devnet's Cardano chain, driven by a clock (upstream's {@code FakeChainObserver} of
 * {@code mithril-common/src/test/double}, made to move by itself): one slot per second from {@code start},
 * slots numbered from {@code initialEpoch × epochLength}, one block per slot (block number = slot, hash derived
 * from the slot), {@link Settings#immutableFilesPerEpoch()} immutable file chunks per epoch, KES period =
 * slot / {@link Settings#slotsPerKesPeriod()}, era {@code Conway}, the pools' stakes as stake distribution and
 * no datums. Immutable and thread-safe: all state is the clock's.
 *
 * <p>The chain counts its chunks from slot 0 ({@link #currentChunk()}); the immutable file numbers the aggregator
 * sees are those of the database {@link DevnetImmutableDb} writes, counted from the slot at which it was created.
 */
public final class SimulatedChain implements ChainObserver {
    /** The era the devnet reports. */
    public static final String ERA = "Conway";

    private final Settings settings;
    private final InstantSource clock;
    private final Map<String, Long> stakeDistribution;

    /**
     * How the simulated chain moves.
     *
     * @param start the instant of the first slot of {@code initialEpoch}
     * @param initialEpoch the epoch at {@code start} (upstream's epoch service cannot work at epoch 0, hence ≥ 1
     *     by default)
     * @param epochLengthSeconds slots (seconds) per epoch ({@code DEVNET_EPOCH_LENGTH_SECONDS})
     * @param slotsPerKesPeriod slots per KES period (129 600 on mainnet; small on the devnet so that tests see
     *     it move)
     * @param immutableFilesPerEpoch immutable files completed per epoch
     */
    public record Settings(
            Instant start,
            long initialEpoch,
            long epochLengthSeconds,
            long slotsPerKesPeriod,
            int immutableFilesPerEpoch) {
        public static final long DEFAULT_EPOCH_LENGTH_SECONDS = 30;
        public static final long DEFAULT_INITIAL_EPOCH = 1;
        /** Three KES periods per default epoch, about mainnet's ratio (432 000 / 129 600). */
        public static final long DEFAULT_SLOTS_PER_KES_PERIOD = 10;

        public static final int DEFAULT_IMMUTABLE_FILES_PER_EPOCH = 3;

        public Settings {
            Objects.requireNonNull(start, "start");
            if (initialEpoch < 0) {
                throw new IllegalArgumentException("devnet initial epoch must not be negative, got " + initialEpoch);
            }
            if (epochLengthSeconds < 1) {
                throw new IllegalArgumentException(
                        "DEVNET_EPOCH_LENGTH_SECONDS must be at least 1, got " + epochLengthSeconds);
            }
            if (slotsPerKesPeriod < 1) {
                throw new IllegalArgumentException(
                        "devnet slots per KES period must be at least 1, got " + slotsPerKesPeriod);
            }
            if (immutableFilesPerEpoch < 1 || immutableFilesPerEpoch > epochLengthSeconds) {
                throw new IllegalArgumentException("devnet immutable files per epoch must be in 1.."
                        + epochLengthSeconds + " (one slot at least per file), got " + immutableFilesPerEpoch);
            }
            if (initialEpoch > Long.MAX_VALUE / 2 / epochLengthSeconds) {
                throw new IllegalArgumentException("devnet initial epoch " + initialEpoch + " is too large");
            }
        }

        /** The devnet defaults with the given start and epoch length. */
        public static Settings of(Instant start, long epochLengthSeconds) {
            return new Settings(start, DEFAULT_INITIAL_EPOCH, epochLengthSeconds, DEFAULT_SLOTS_PER_KES_PERIOD, (int)
                    Math.min(DEFAULT_IMMUTABLE_FILES_PER_EPOCH, epochLengthSeconds));
        }

        long slotsPerImmutableFile() {
            return epochLengthSeconds / immutableFilesPerEpoch;
        }
    }

    /**
     * @param stakeDistribution party id ({@code pool1…}) to stake; zero stakes are left out as the node does
     */
    public SimulatedChain(Settings settings, InstantSource clock, Map<String, Long> stakeDistribution) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        LinkedHashMap<String, Long> stakes = new LinkedHashMap<>();
        stakeDistribution.forEach((party, stake) -> {
            if (stake < 0) {
                throw new IllegalArgumentException("negative stake " + stake + " for " + party);
            }
            if (stake > 0) {
                stakes.put(party, stake);
            }
        });
        this.stakeDistribution = java.util.Collections.unmodifiableMap(stakes);
    }

    /** The stake distribution of pools, in their order. */
    public static Map<String, Long> stakeDistributionOf(Collection<DevnetPool> pools) {
        LinkedHashMap<String, Long> stakes = new LinkedHashMap<>();
        for (DevnetPool pool : pools) {
            if (stakes.putIfAbsent(pool.partyId(), pool.stake()) != null) {
                throw new IllegalArgumentException("two devnet pools share the party id " + pool.partyId());
            }
        }
        return stakes;
    }

    public Settings settings() {
        return settings;
    }

    /** The current absolute slot; time before {@code start} is the first slot. */
    public long currentSlot() {
        long elapsed = Duration.between(settings.start(), clock.instant()).getSeconds();
        return settings.initialEpoch() * settings.epochLengthSeconds() + Math.max(0, elapsed);
    }

    /** The epoch of the current slot (the non-optional form of {@link #currentEpoch()}). */
    public Epoch epoch() {
        return Epoch.of(currentSlot() / settings.epochLengthSeconds());
    }

    /** The first instant of {@code epoch} (to jump a {@link DevnetClock} there). */
    public Instant startOf(Epoch epoch) {
        if (epoch.value() < settings.initialEpoch()) {
            throw new IllegalArgumentException(
                    "epoch " + epoch + " is before the devnet's first epoch " + settings.initialEpoch());
        }
        long seconds = (epoch.value() - settings.initialEpoch()) * settings.epochLengthSeconds();
        return settings.start().plusSeconds(seconds);
    }

    /**
     * Epoch, chunk number and tip read at one instant. The chunk number is counted from slot 0, not the immutable file
     * number of the devnet's database: the runtime's time point is {@link DevnetImmutableDb#timePoint()}.
     */
    public TimePoint timePoint() {
        long slot = currentSlot();
        return new TimePoint(
                Epoch.of(slot / settings.epochLengthSeconds()), immutableFileNumberAt(slot), chainPointAt(slot));
    }

    @Override
    public Optional<String> currentEra() {
        return Optional.of(ERA);
    }

    @Override
    public Optional<Epoch> currentEpoch() {
        return Optional.of(epoch());
    }

    @Override
    public Optional<ChainPoint> currentChainPoint() {
        return Optional.of(chainPointAt(currentSlot()));
    }

    @Override
    public Map<String, Long> currentStakeDistribution() {
        return stakeDistribution;
    }

    @Override
    public Optional<Long> currentKesPeriod() {
        return Optional.of(currentSlot() / settings.slotsPerKesPeriod());
    }

    @Override
    public List<String> currentDatums(String address) {
        return List.of();
    }

    /** The number of the chunk of the current slot, counted from slot 0 (whole chunks completed since slot 0). */
    public long currentChunk() {
        return immutableFileNumberAt(currentSlot());
    }

    private long immutableFileNumberAt(long slot) {
        return slot / settings.slotsPerImmutableFile();
    }

    static ChainPoint chainPointAt(long slot) {
        return new ChainPoint(slot, slot, blockHash(slot));
    }

    /** A stable 32-byte hash per slot: SHA-256 of {@code "devnet-block-<slot>"}, lower-case hex. */
    static String blockHash(long slot) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("devnet-block-" + slot).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SimulatedChain[" + settings + ", " + stakeDistribution.size() + " pools]";
    }
}
