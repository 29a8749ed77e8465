package io.mithrilj.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * The aggregator's settings, typed. Values and defaults come from {@link MithrilConfigSource} (upstream
 * names, upstream defaults, see {@link Settings}); each method's name is the upstream key.
 */
@ConfigMapping(prefix = "mithril")
public interface AggregatorConfig {

    /** Signed entity types to certify, comma-separated (MithrilStakeDistribution is always added). */
    Optional<String> signedEntityTypes();

    /** Listening IP of the HTTP server. */
    String serverIp();

    /** Listening port of the HTTP server. */
    int serverPort();

    /** Public URL of the API; default {@code http://<server_ip>:<server_port>/aggregator/}. */
    Optional<String> publicServerUrl();

    /** Leader aggregator endpoint: when set, this aggregator is a follower. */
    Optional<String> leaderAggregatorEndpoint();

    /** Runtime cycle interval, milliseconds. */
    long runInterval();

    /** Aggregate signature type (only Concatenation at 2603.1). */
    String aggregateSignatureType();

    /** Epochs kept by upkeep pruning; absent keeps everything. */
    Optional<Integer> storeRetentionLimit();

    /** Cardano network name. */
    String network();

    /** Network magic, required for a private network. */
    Optional<Long> networkMagic();

    /** Cardano node socket path. */
    Optional<String> cardanoNodeSocketPath();

    /** Cardano node version. */
    String cardanoNodeVersion();

    /** cardano-cli binary path. */
    Optional<String> cardanoCliPath();

    /** Chain observer type: pallas, cardano-cli or fake. */
    String chainObserverType();

    /** Era reader adapter type. */
    String eraReaderAdapterType();

    /** Era reader adapter parameters (JSON). */
    Optional<String> eraReaderAdapterParams();

    /** Genesis verification key, json-hex. */
    Optional<String> genesisVerificationKey();

    /** Genesis secret key, json-hex (test networks only). */
    Optional<String> genesisSecretKey();

    /** DMQ node socket path. */
    Optional<String> dmqNodeSocketPath();

    /** DMQ network magic. */
    Optional<Long> dmqNetworkMagic();

    /** Extra accepted origin tags, comma-separated. */
    Optional<String> customOriginTagWhiteList();

    /** Cardano node database directory (read through {@link NodeDatabaseDirectory}, which knows the devnet's). */
    String dbDirectory();

    /**
     * Whether DB_DIRECTORY was set by the operator (file, environment or flag) rather than left at its default: not an
     * operator setting, {@link MithrilConfigSource} derives it.
     */
    @WithDefault("false")
    boolean dbDirectorySet();

    /** Directory of the aggregator stores. */
    String dataStoresDirectory();

    /** Directory of snapshots. */
    String snapshotDirectory();

    /** Snapshot uploader type: gcp or local. */
    String snapshotUploaderType();

    /** GCP bucket name. */
    Optional<String> snapshotBucketName();

    /** Use the bucket as CDN domain. */
    boolean snapshotUseCdnDomain();

    /** Snapshot compression algorithm. */
    String snapshotCompressionAlgorithm();

    /** zstd parameters. */
    ZstandardParameters zstandardParameters();

    /** Protocol parameters of a leader. */
    ProtocolParametersConfig protocolParameters();

    /** Cardano transactions signing configuration. */
    CardanoTransactionsSigningConfig cardanoTransactionsSigningConfig();

    /** Cardano transactions prover cache pool size. */
    int cardanoTransactionsProverCachePoolSize();

    /** Cardano transactions database connection pool size. */
    int cardanoTransactionsDatabaseConnectionPoolSize();

    /** Maximum hashes per proof request. */
    int cardanoTransactionsProverMaxHashesAllowedByRequest();

    /** Serve Prometheus metrics. */
    boolean enableMetricsServer();

    /** Metrics server IP. */
    String metricsServerIp();

    /** Metrics server port. */
    int metricsServerPort();

    /** Maximum roll forwards per block streamer poll. */
    int cardanoTransactionsBlockStreamerMaxRollForwardsPerPoll();

    /** Cardano transactions preloaded up to tip minus this many blocks. */
    long preloadSecurityParameter();

    /** Clear the digests cache at start-up. */
    boolean resetDigestsCache();

    /** Accepted for compatibility, no effect (as upstream at 2603.1). */
    boolean disableDigestsCache();

    /** Accepted for compatibility, no effect (as upstream at 2603.1). */
    boolean allowUnparsableBlock();

    /** Blockfrost parameters (JSON) of the pool ticker importer. */
    Optional<String> blockfrostParameters();

    /** Pool ticker importer interval, minutes. */
    int signerImporterRunInterval();

    /** Usage report interval, seconds. */
    int persistUsageReportIntervalInSeconds();

    /** Delay after a DMQ signature processing error, milliseconds. */
    long signatureProcessorWaitDelayOnErrorMs();

    /** GCP credentials of the snapshot uploader (secret). */
    Optional<String> googleApplicationCredentialsJson();

    /** GCP credentials of the gcp-kms ancillary signer (secret). */
    Optional<String> googleApplicationCredentialsGcpKmsJson();

    /** Ancillary files signer configuration (secret). */
    Optional<String> ancillaryFilesSignerConfig();

    /** Devnet: simulated stake pools that register and sign over the API. */
    int devnetSigners();

    /** Devnet: epoch length of the simulated chain, seconds. */
    long devnetEpochLengthSeconds();

    /** External PostgreSQL URL (secret); absent: embedded PostgreSQL. */
    Optional<String> databaseUrl();

    /** zstd compression parameters. */
    interface ZstandardParameters {
        /** Compression level, 1..22. */
        int level();

        /** Worker threads, 0 = single-threaded. */
        @WithName("number-of-workers")
        int numberOfWorkers();
    }

    /** STM protocol parameters. */
    interface ProtocolParametersConfig {
        /** Quorum of lottery indices. */
        long k();

        /** Number of lotteries. */
        long m();

        /** phi_f. */
        @WithName("phi-f")
        double phiF();
    }

    /** Cardano transactions signing configuration. */
    interface CardanoTransactionsSigningConfig {
        /** Security parameter, blocks. */
        @WithName("security-parameter")
        long securityParameter();

        /** Step, blocks. */
        long step();
    }
}
