package io.mithrilj.aggregator.devnet;

import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.NodeDatabaseDirectory;
import io.mithrilj.aggregator.protocol.Epoch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded devnet's network (CHAIN_OBSERVER_TYPE=fake): DEVNET_SIGNERS stake pools with Pareto-distributed stakes,
 * the simulated chain that reports them, its epochs DEVNET_EPOCH_LENGTH_SECONDS long, and the node database the chain
 * writes as it advances ({@link DevnetImmutableDb}, in {@link NodeDatabaseDirectory}).
 *
 * <p>Everything is a function of the settings: the pools' keys come from a fixed seed and the chain's epochs are
 * counted from a fixed instant (2025-01-01T00:00:00Z). So a restarted devnet finds the epoch it left and its pools
 * sign with the keys they registered, and a follower on the fake chain with the same settings sees the same pools
 * and the same epochs as its leader. These keys protect nothing: they are the devnet's, published by construction.
 */
@ApplicationScoped
public class DevnetNetwork {
    /** Where the devnet's epochs are counted from. */
    public static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

    private static final long SEED = 0x6d697468726c6a4cL; // "mithrljL"

    private final List<DevnetPool> pools;
    private final SimulatedChain chain;
    private final DevnetImmutableDb immutableDb;

    /**
     * @param chunkBytes hidden setting {@code mithril.devnet.chunk-bytes}: the mean chunk size of the devnet's node
     *     database (benchmarks grow a database of real chunk sizes with it, see {@code bench/cardano-db-rss.sh})
     */
    @Inject
    DevnetNetwork(
            AggregatorConfig config,
            NodeDatabaseDirectory dbDirectory,
            @ConfigProperty(name = "mithril.devnet.chunk-bytes", defaultValue = "24576") int chunkBytes) {
        this(
                config.devnetSigners(),
                config.devnetEpochLengthSeconds(),
                InstantSource.system(),
                Optional.of(dbDirectory.path()),
                layoutWithChunkBytes(chunkBytes));
    }

    static DevnetImmutableDb.Layout layoutWithChunkBytes(int chunkBytes) {
        DevnetImmutableDb.Layout d = DevnetImmutableDb.Layout.DEFAULT;
        try {
            return new DevnetImmutableDb.Layout(chunkBytes, d.ledgerBytes(), d.ledgerFormat(), d.maxCatchUpFiles());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mithril.devnet.chunk-bytes: " + e.getMessage(), e);
        }
    }

    /** A devnet of {@code poolCount} pools whose node database is written under {@code dbDirectory} as it advances. */
    public DevnetNetwork(int poolCount, long epochLengthSeconds, InstantSource clock, Path dbDirectory) {
        this(poolCount, epochLengthSeconds, clock, Optional.of(dbDirectory), DevnetImmutableDb.Layout.DEFAULT);
    }

    /**
     * A devnet of {@code poolCount} pools (at least one: the chain needs a stake distribution) and no node database
     * (its {@link #immutableDb()} fails).
     */
    public DevnetNetwork(int poolCount, long epochLengthSeconds, InstantSource clock) {
        this(poolCount, epochLengthSeconds, clock, Optional.empty(), DevnetImmutableDb.Layout.DEFAULT);
    }

    private DevnetNetwork(
            int poolCount,
            long epochLengthSeconds,
            InstantSource clock,
            Optional<Path> dbDirectory,
            DevnetImmutableDb.Layout layout) {
        SplittableRandom random = new SplittableRandom(SEED);
        int count = Math.max(1, poolCount);
        long[] stakes = ParetoStakes.CARDANO_LIKE.sample(count, random);
        SimulatedChain.Settings defaults = SimulatedChain.Settings.of(ORIGIN, epochLengthSeconds);
        this.pools = DevnetPool.generateAll(stakes, 0, random);
        this.chain = new SimulatedChain(
                new SimulatedChain.Settings(
                        ORIGIN,
                        defaults.initialEpoch(),
                        epochLengthSeconds,
                        slotsPerKesPeriod(epochLengthSeconds),
                        defaults.immutableFilesPerEpoch()),
                clock,
                SimulatedChain.stakeDistributionOf(pools));
        // written lazily, at the first time point the runtime asks for
        this.immutableDb = dbDirectory
                .map(dir -> new DevnetImmutableDb(dir, chain, layout))
                .orElse(null);
    }

    /**
     * Ten epochs per KES period. A registration's KES signature verifies only at the KES period it was made in (the
     * aggregator's check, as upstream's): with periods as short as the simulated chain's default (10 slots), a
     * signer that prepared its registration a few seconds earlier would be refused at a period boundary.
     */
    static long slotsPerKesPeriod(long epochLengthSeconds) {
        return Math.multiplyExact(10, epochLengthSeconds);
    }

    public List<DevnetPool> pools() {
        return pools;
    }

    public SimulatedChain chain() {
        return chain;
    }

    /** The node database the chain writes: the devnet's DB_DIRECTORY and its immutable file observer. */
    public DevnetImmutableDb immutableDb() {
        if (immutableDb == null) throw new IllegalStateException("this devnet was built without a node database");
        return immutableDb;
    }

    /** The seed of the STM key a pool registers for an epoch (SHA-256 of the devnet seed, party id and epoch). */
    public static byte[] stmKeySeed(String partyId, Epoch registrationEpoch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("mithril-jvm devnet stm key " + SEED + " " + partyId + " " + registrationEpoch.value())
                    .getBytes(StandardCharsets.US_ASCII));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
