package io.mithrilj.aggregator.config;

import static io.mithrilj.aggregator.config.SettingKind.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the operator guide (upstream {@code configuration.rs} at 2603.1), under upstream's
 * names and with upstream's defaults. Settings upstream requires but that have a natural default for the
 * embedded devnet (network, chain observer, run interval, stores directory) carry that default here; a
 * real deployment sets them.
 */
public final class Settings {

    private Settings() {}

    public static final List<Setting> ALL = List.of(
            s(
                    "signed_entity_types",
                    SIGNED_ENTITY_TYPES,
                    null,
                    "Comma-separated signed entity types to certify (MithrilStakeDistribution is always added)"),
            s("server_ip", IP, "0.0.0.0", "Listening IP of the HTTP server"),
            s("server_port", PORT, "8080", "Listening port of the HTTP server"),
            s(
                    "public_server_url",
                    URL,
                    null,
                    "Public URL of the API, base of download links (default http://<server_ip>:<server_port>/aggregator/)"),
            s("leader_aggregator_endpoint", URL, null, "Leader aggregator endpoint; set: this node is a follower"),
            s("run_interval", POSITIVE_INT, "1000", "Runtime cycle interval in milliseconds"),
            s("aggregate_signature_type", AGGREGATE_SIGNATURE_TYPE, "Concatenation", "Aggregate signature type"),
            s(
                    "store_retention_limit",
                    NON_NEGATIVE_INT,
                    null,
                    "Epochs of stake, settings, registrations and local archives kept (values below 3 act as 3); unset keeps all"
                            + " (devnet: 10)"),
            s("network", NETWORK, "devnet", "Cardano network: mainnet, preprod, preview, devnet or private"),
            s("network_magic", U64, null, "Network magic, required for a private network"),
            s("cardano_node_socket_path", TEXT, null, "Cardano node socket path"),
            s("cardano_node_version", SEMVER, "10.5.0", "Version of the Cardano node (semver)"),
            s("cardano_cli_path", TEXT, null, "cardano-cli binary, used only by the cardano-cli chain observer"),
            s(
                    "chain_observer_type",
                    CHAIN_OBSERVER,
                    "fake",
                    "Chain observer: pallas, cardano-cli, or fake (the embedded devnet)"),
            s(
                    "era_reader_adapter_type",
                    ERA_READER_ADAPTER,
                    "bootstrap",
                    "Era reader adapter: bootstrap, cardano-chain, file or dummy"),
            s("era_reader_adapter_params", JSON, null, "Era reader adapter parameters (JSON)"),
            s(
                    "genesis_verification_key",
                    ED25519_VERIFICATION_KEY,
                    null,
                    "Genesis verification key (json-hex of the Ed25519 public key)"),
            secret("genesis_secret_key", ED25519_SECRET_KEY, "Genesis secret key (json-hex), test networks only"),
            s("dmq_node_socket_path", TEXT, null, "DMQ node socket path; set: signatures are also read from DMQ"),
            s("dmq_network_magic", U64, null, "DMQ network magic, required with DMQ on a private network"),
            s("custom_origin_tag_white_list", TEXT, null, "Extra accepted mithril-origin-tag values (comma-separated)"),
            s(
                    "db_directory",
                    TEXT,
                    "/db",
                    "Cardano node database directory (devnet: `<DATA_STORES_DIRECTORY>/devnet-db` unless set)"),
            s(
                    "data_stores_directory",
                    TEXT,
                    "./stores",
                    "Directory of the aggregator stores (and of the embedded PostgreSQL)"),
            s(
                    "snapshot_directory",
                    TEXT,
                    ".",
                    "Directory of snapshots being built and of local uploads (devnet: <data_stores_directory>/snapshots)"),
            secret("google_application_credentials_json", JSON, "GCP credentials (JSON) of the gcp snapshot uploader"),
            secret(
                    "google_application_credentials_gcp_kms_json",
                    JSON,
                    "GCP credentials (JSON) of the gcp-kms ancillary signer"),
            s("snapshot_uploader_type", UPLOADER, "gcp", "Snapshot uploader: gcp or local (devnet: local)"),
            s("snapshot_bucket_name", TEXT, null, "GCP bucket of the gcp snapshot uploader"),
            s("snapshot_use_cdn_domain", BOOLEAN, "false", "Use the bucket name as CDN domain in download URLs"),
            s("snapshot_compression_algorithm", COMPRESSION, "zstandard", "Snapshot compression: gzip or zstandard"),
            s("zstandard_parameters.level", ZSTD_LEVEL, "9", "zstd compression level (1..22)"),
            s(
                    "zstandard_parameters.number_of_workers",
                    NON_NEGATIVE_INT,
                    "4",
                    "zstd worker threads (0: single thread)"),
            secret(
                    "ancillary_files_signer_config",
                    ANCILLARY_SIGNER,
                    "Ancillary files signer: {\"type\":\"secret-key\",\"secret_key\":…} or {\"type\":\"gcp-kms\",…}"),
            s("protocol_parameters.k", U64, "5", "Protocol parameter k (quorum of lottery indices), leader only"),
            s("protocol_parameters.m", U64, "100", "Protocol parameter m (number of lotteries), leader only"),
            s("protocol_parameters.phi_f", TEXT, "0.65", "Protocol parameter phi_f, leader only"),
            s(
                    "cardano_transactions_signing_config.security_parameter",
                    U64,
                    "3000",
                    "Cardano transactions signing: security parameter (blocks)"),
            s("cardano_transactions_signing_config.step", U64, "120", "Cardano transactions signing: step (blocks)"),
            s(
                    "cardano_transactions_prover_cache_pool_size",
                    POSITIVE_INT,
                    "10",
                    "Cardano transactions prover cache pool size"),
            s(
                    "cardano_transactions_database_connection_pool_size",
                    POSITIVE_INT,
                    "10",
                    "Cardano transactions database connection pool size"),
            s(
                    "cardano_transactions_prover_max_hashes_allowed_by_request",
                    POSITIVE_INT,
                    "100",
                    "Maximum transaction hashes per proof request"),
            s(
                    "cardano_transactions_block_streamer_max_roll_forwards_per_poll",
                    POSITIVE_INT,
                    "10000",
                    "Maximum roll forwards per block streamer poll"),
            s(
                    "preload_security_parameter",
                    U64,
                    "2160",
                    "Cardano transactions preloaded up to tip minus this many blocks"),
            s("reset_digests_cache", BOOLEAN, "false", "Clear the immutable files digests cache at start-up"),
            s("disable_digests_cache", BOOLEAN, "false", "Accepted for compatibility (no effect upstream at 2603.1)"),
            s("allow_unparsable_block", BOOLEAN, "false", "Accepted for compatibility (no effect upstream at 2603.1)"),
            s(
                    "blockfrost_parameters",
                    JSON,
                    null,
                    "Blockfrost parameters of the pool ticker importer ({\"project_id\":…})"),
            s("signer_importer_run_interval", POSITIVE_INT, "720", "Pool ticker importer interval in minutes"),
            s("enable_metrics_server", BOOLEAN, "false", "Serve Prometheus metrics"),
            s("metrics_server_ip", IP, "0.0.0.0", "Listening IP of the metrics server"),
            s("metrics_server_port", PORT, "9090", "Listening port of the metrics server"),
            s("persist_usage_report_interval_in_seconds", POSITIVE_INT, "10", "Usage report interval in seconds"),
            s(
                    "signature_processor_wait_delay_on_error_ms",
                    POSITIVE_INT,
                    "1000",
                    "Delay after a DMQ signature processing error (ms)"),
            s(
                    "devnet_signers",
                    NON_NEGATIVE_INT,
                    "5",
                    "Devnet (CHAIN_OBSERVER_TYPE=fake): simulated stake pools that register and sign over the API"),
            s(
                    "devnet_epoch_length_seconds",
                    POSITIVE_INT,
                    "30",
                    "Devnet (CHAIN_OBSERVER_TYPE=fake): length of an epoch of the simulated chain, in seconds"),
            secret(
                    "database_url",
                    DATABASE_URL,
                    "External PostgreSQL: postgresql://user:password@host:port/database (unset: embedded PostgreSQL under data_stores_directory)"));

    private static final Map<String, Setting> BY_KEY = new LinkedHashMap<>();

    static {
        for (Setting setting : ALL) BY_KEY.put(setting.key(), setting);
    }

    public static Optional<Setting> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    private static Setting s(String key, SettingKind kind, String defaultValue, String description) {
        return new Setting(key, kind, defaultValue, false, description);
    }

    private static Setting secret(String key, SettingKind kind, String description) {
        return new Setting(key, kind, null, true, description);
    }
}
