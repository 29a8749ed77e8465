package io.mithrilj.aggregator.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * The Cardano node database directory the aggregator reads (digests, archives) and, on the devnet, writes: DB_DIRECTORY
 * when the operator sets it; otherwise upstream's default {@code /db}, except on the devnet
 * ({@code CHAIN_OBSERVER_TYPE=fake}), where {@code <DATA_STORES_DIRECTORY>/devnet-db} keeps the simulated database
 * beside the aggregator's own stores, where a laptop can write.
 */
@ApplicationScoped
public class NodeDatabaseDirectory {
    /** The devnet database's directory under DATA_STORES_DIRECTORY when DB_DIRECTORY is not set. */
    public static final String DEVNET_DB = "devnet-db";

    private final Path path;

    @Inject
    NodeDatabaseDirectory(AggregatorConfig config) {
        this(resolve(
                config.chainObserverType(),
                config.dbDirectorySet(),
                config.dbDirectory(),
                config.dataStoresDirectory()));
    }

    public NodeDatabaseDirectory(Path path) {
        this.path = path;
    }

    /** The directory for these settings ({@code dbDirectorySet}: DB_DIRECTORY came from the operator). */
    public static Path resolve(
            String chainObserverType, boolean dbDirectorySet, String dbDirectory, String dataStoresDirectory) {
        if (!dbDirectorySet && ApiSettings.DEVNET_OBSERVER.equals(chainObserverType)) {
            return Path.of(dataStoresDirectory, DEVNET_DB);
        }
        return Path.of(dbDirectory);
    }

    public Path path() {
        return path;
    }

    @Override
    public String toString() {
        return "NodeDatabaseDirectory[" + path + "]";
    }
}
