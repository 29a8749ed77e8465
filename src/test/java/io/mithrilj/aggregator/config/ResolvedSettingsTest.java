package io.mithrilj.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolvedSettingsTest {

    /** Genesis verification key of the reference chain (json-hex of the 32-byte Ed25519 key). */
    static final String FIXTURE_GENESIS_KEY =
            "5b33322c3235332c3138362c3230312c3137372c31312c3131372c3133352c3138372c3136372c3138312c3138382c32322c35392c3230362c3130352c3233312c3135302c3231352c33302c37382c3231322c37362c31362c3235322c3138302c37322c3133342c3133372c3234372c3136312c36385d";

    @TempDir
    Path dir;

    private List<String> problems(Map<String, String> env) {
        return ResolvedSettings.resolve(env, dir.resolve("dev.json"), Map.of()).problems();
    }

    @Test
    void defaultsAreUsableAndUpstreams() {
        ResolvedSettings s = ResolvedSettings.resolve(Map.of(), dir.resolve("dev.json"), Map.of());
        assertThat(s.problems()).isEmpty();
        assertThat(s.get("server_port")).contains("8080");
        assertThat(s.get("server_ip")).contains("0.0.0.0");
        assertThat(s.get("metrics_server_port")).contains("9090");
        assertThat(s.get("enable_metrics_server")).contains("false");
        // the devnet (the default chain observer) publishes its archives itself, beside its stores, 10 epochs of them
        assertThat(s.get("snapshot_uploader_type")).contains("local");
        assertThat(s.get("snapshot_directory"))
                .contains(Path.of("./stores", "snapshots").toString());
        assertThat(s.get("store_retention_limit")).contains("10");
        // upstream's defaults on a real network
        ResolvedSettings node = ResolvedSettings.resolve(
                Map.of("CHAIN_OBSERVER_TYPE", "pallas", "CARDANO_NODE_SOCKET_PATH", "/ipc/node.socket"),
                dir.resolve("dev.json"),
                Map.of());
        assertThat(node.problems()).isEmpty();
        assertThat(node.get("snapshot_uploader_type")).contains("gcp");
        assertThat(node.get("snapshot_directory")).contains(".");
        assertThat(node.get("store_retention_limit")).isEmpty();
        // an operator's choice is kept on the devnet
        ResolvedSettings chosen = ResolvedSettings.resolve(
                Map.of(
                        "SNAPSHOT_UPLOADER_TYPE",
                        "gcp",
                        "SNAPSHOT_DIRECTORY",
                        "/srv/snapshots",
                        "STORE_RETENTION_LIMIT",
                        "4"),
                dir.resolve("dev.json"),
                Map.of());
        assertThat(chosen.get("snapshot_uploader_type")).contains("gcp");
        assertThat(chosen.get("snapshot_directory")).contains("/srv/snapshots");
        assertThat(chosen.get("store_retention_limit")).contains("4");
        assertThat(s.get("snapshot_compression_algorithm")).contains("zstandard");
        assertThat(s.get("zstandard_parameters.level")).contains("9");
        assertThat(s.get("zstandard_parameters.number_of_workers")).contains("4");
        assertThat(s.get("cardano_transactions_prover_cache_pool_size")).contains("10");
        assertThat(s.get("cardano_transactions_database_connection_pool_size")).contains("10");
        assertThat(s.get("aggregate_signature_type")).contains("Concatenation");
        assertThat(s.get("era_reader_adapter_type")).contains("bootstrap");
        assertThat(s.get("data_stores_directory")).contains("./stores");
        assertThat(s.get("db_directory")).contains("/db");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SERVER_PORT|abc|is not a port number",
                "SERVER_PORT|70000|is not a port number",
                "METRICS_SERVER_PORT|-1|is not a port number",
                "SERVER_IP|localhost:1|is not an IP address",
                "METRICS_SERVER_IP|999.1.1.1|is not an IP address",
                "ERA_READER_ADAPTER_PARAMS|{|is not valid JSON",
                "ERA_READER_ADAPTER_PARAMS|[1]|is not a JSON object",
                "GENESIS_VERIFICATION_KEY|zz|is not the hex of an Ed25519 public key",
                "GENESIS_VERIFICATION_KEY|5b312c325d|is not the hex of an Ed25519 public key",
                "SIGNED_ENTITY_TYPES|MithrilStakeDistribution,CardanoBlocksTransactions|has invalid signed entity types discriminants: CardanoBlocksTransactions",
                "SIGNED_ENTITY_TYPES|cardanoTransactions|has invalid signed entity types discriminants: cardanoTransactions",
                "ZSTANDARD_PARAMETERS__LEVEL|0|is out of the zstd level range 1..22",
                "ZSTANDARD_PARAMETERS__LEVEL|23|is out of the zstd level range 1..22",
                "ZSTANDARD_PARAMETERS__LEVEL|high|is not an integer",
                "ZSTANDARD_PARAMETERS__NUMBER_OF_WORKERS|-2|is not a non-negative integer",
                "RUN_INTERVAL|0|is not a positive integer",
                "RUN_INTERVAL|fast|is not a positive integer",
                "STORE_RETENTION_LIMIT|-5|is not a non-negative integer",
                "NETWORK|testnet|is not one of mainnet, preprod, preview, devnet, private",
                "NETWORK_MAGIC|x|is not an unsigned 64-bit integer",
                "NETWORK_MAGIC|18446744073709551616|is not an unsigned 64-bit integer",
                "CHAIN_OBSERVER_TYPE|ogmios|is not one of pallas, cardano-cli, fake",
                "ERA_READER_ADAPTER_TYPE|chain|is not one of bootstrap, cardano-chain, file, dummy",
                "SNAPSHOT_UPLOADER_TYPE|s3|is not one of gcp, local",
                "SNAPSHOT_COMPRESSION_ALGORITHM|lz4|is not one of gzip, zstandard",
                "SNAPSHOT_USE_CDN_DOMAIN|maybe|is not a boolean",
                "ENABLE_METRICS_SERVER|enabled|is not a boolean",
                "AGGREGATE_SIGNATURE_TYPE|Snark|is not one of Concatenation",
                "CARDANO_NODE_VERSION|10.5|is not a semantic version",
                "LEADER_AGGREGATOR_ENDPOINT|aggregator.example.com|is not an http(s) URL",
                "PUBLIC_SERVER_URL|ftp://x/|is not an http(s) URL",
                "CARDANO_TRANSACTIONS_PROVER_CACHE_POOL_SIZE|0|is not a positive integer",
                "CARDANO_TRANSACTIONS_DATABASE_CONNECTION_POOL_SIZE|ten|is not a positive integer",
            })
    void refusesABadValueNamingTheVariable(String variable, String value, String expected) {
        List<String> problems = problems(Map.of(variable, value));
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst()).startsWith(variable + "='").contains(expected);
    }

    @Test
    void acceptsUpstreamExampleValues() {
        Map<String, String> env = Map.ofEntries(
                Map.entry(
                        "SIGNED_ENTITY_TYPES", "MithrilStakeDistribution,CardanoStakeDistribution,CardanoTransactions"),
                Map.entry("SERVER_PORT", "8080"),
                Map.entry("PUBLIC_SERVER_URL", "https://aggregator.example.com/aggregator"),
                Map.entry(
                        "LEADER_AGGREGATOR_ENDPOINT",
                        "https://aggregator.release-preprod.api.mithril.network/aggregator"),
                Map.entry("RUN_INTERVAL", "60000"),
                Map.entry("STORE_RETENTION_LIMIT", "5"),
                Map.entry("NETWORK", "preprod"),
                Map.entry("NETWORK_MAGIC", "1"),
                Map.entry("CARDANO_NODE_SOCKET_PATH", "/cardano/ipc/node.socket"),
                Map.entry("CARDANO_NODE_VERSION", "10.5.0"),
                Map.entry("CHAIN_OBSERVER_TYPE", "pallas"),
                Map.entry("ERA_READER_ADAPTER_TYPE", "cardano-chain"),
                Map.entry(
                        "ERA_READER_ADAPTER_PARAMS",
                        "{\"address\": \"addr_test1\", \"verification_key\": \"5b35352c5d\"}"),
                Map.entry("GENESIS_VERIFICATION_KEY", FIXTURE_GENESIS_KEY),
                Map.entry("DMQ_NODE_SOCKET_PATH", "/dmq/ipc/node.socket"),
                Map.entry("CUSTOM_ORIGIN_TAG_WHITE_LIST", "EXPLORER,BENCHMARK,CI,NA"),
                Map.entry("SNAPSHOT_UPLOADER_TYPE", "local"),
                Map.entry("ZSTANDARD_PARAMETERS__LEVEL", "9"),
                Map.entry("ZSTANDARD_PARAMETERS__NUMBER_OF_WORKERS", "4"),
                Map.entry("ENABLE_METRICS_SERVER", "true"),
                Map.entry("METRICS_SERVER_IP", "0.0.0.0"),
                Map.entry("METRICS_SERVER_PORT", "9090"));
        assertThat(problems(env)).isEmpty();
    }

    @Test
    void genesisKeyThatIsNotACurvePointIsRefused() {
        // json-hex of the little-endian encoding of y = 2: (y^2-1)/(d*y^2+1) is not a square mod p
        String notAPoint = java.util.HexFormat.of().formatHex(("[2," + "0,".repeat(30) + "0]").getBytes());
        assertThat(problems(Map.of("GENESIS_VERIFICATION_KEY", notAPoint)))
                .singleElement()
                .asString()
                .contains("is not the hex of an Ed25519 public key");
    }

    @Test
    void secretsAreNeverRepeated() {
        String secret = "{\"type\":\"secret-key\",\"secret_key\":\"deadbeef-very-secret\"}";
        List<String> problems =
                problems(Map.of("ANCILLARY_FILES_SIGNER_CONFIG", secret, "DATABASE_URL", "mysql://u:hunter2@h/db"));
        assertThat(problems).hasSize(2);
        assertThat(String.join("\n", problems))
                .contains("ANCILLARY_FILES_SIGNER_CONFIG", "DATABASE_URL")
                .doesNotContain("very-secret", "hunter2");
    }

    @Test
    void crossChecksNameTheMissingVariable() {
        assertThat(problems(Map.of("NETWORK", "private")))
                .containsExactly("NETWORK_MAGIC is required when NETWORK is private");
        assertThat(problems(Map.of("CHAIN_OBSERVER_TYPE", "pallas")))
                .containsExactly("CARDANO_NODE_SOCKET_PATH is required with CHAIN_OBSERVER_TYPE=pallas");
        assertThat(problems(Map.of("ERA_READER_ADAPTER_TYPE", "cardano-chain")))
                .containsExactly("ERA_READER_ADAPTER_PARAMS is required with ERA_READER_ADAPTER_TYPE=cardano-chain");
        assertThat(problems(Map.of("PROTOCOL_PARAMETERS__PHI_F", "1.5")))
                .containsExactly("PROTOCOL_PARAMETERS__PHI_F='1.5' is not in (0, 1]");
    }

    @Test
    void theGcpUploaderNeedsItsBucketAndCredentialsOnceSnapshotsAreSigned() {
        String snapshots = "MithrilStakeDistribution,CardanoImmutableFilesFull";
        assertThat(problems(Map.of("SIGNED_ENTITY_TYPES", snapshots, "SNAPSHOT_UPLOADER_TYPE", "gcp")))
                .containsExactly(
                        "SNAPSHOT_BUCKET_NAME is required with SNAPSHOT_UPLOADER_TYPE=gcp",
                        "GOOGLE_APPLICATION_CREDENTIALS_JSON is required with SNAPSHOT_UPLOADER_TYPE=gcp");
        assertThat(problems(Map.of(
                        "SIGNED_ENTITY_TYPES",
                        "CardanoDatabase",
                        "SNAPSHOT_UPLOADER_TYPE",
                        "gcp",
                        "SNAPSHOT_BUCKET_NAME",
                        "b")))
                .containsExactly("GOOGLE_APPLICATION_CREDENTIALS_JSON is required with SNAPSHOT_UPLOADER_TYPE=gcp");
        assertThat(problems(Map.of(
                        "SIGNED_ENTITY_TYPES", snapshots,
                        "SNAPSHOT_UPLOADER_TYPE", "gcp",
                        "SNAPSHOT_BUCKET_NAME", "b",
                        "GOOGLE_APPLICATION_CREDENTIALS_JSON", "{\"type\":\"service_account\"}")))
                .isEmpty();
        assertThat(problems(Map.of(
                        "SIGNED_ENTITY_TYPES", snapshots,
                        "SNAPSHOT_UPLOADER_TYPE", "gcp",
                        "SNAPSHOT_BUCKET_NAME", "b",
                        "GOOGLE_APPLICATION_CREDENTIALS_JSON",
                                "{\"type\":\"authorized_user\",\"refresh_token\":\"Zq7SECRET\"}")))
                .singleElement()
                .asString()
                .isEqualTo("GOOGLE_APPLICATION_CREDENTIALS_JSON is not a service account key (type 'authorized_user'):"
                        + " the gcp uploader needs one");
        assertThat(problems(Map.of(
                        "SIGNED_ENTITY_TYPES", snapshots,
                        "SNAPSHOT_UPLOADER_TYPE", "gcp",
                        "SNAPSHOT_BUCKET_NAME", "b",
                        "GOOGLE_APPLICATION_CREDENTIALS_JSON", "{\"type\":\"Zq7SECRET-x\"}")))
                .singleElement()
                .asString()
                .doesNotContain("Zq7SECRET")
                .contains("(type missing or unknown)");
        // nothing to publish (the default devnet), or published locally: nothing required
        assertThat(problems(Map.of("SIGNED_ENTITY_TYPES", "CardanoStakeDistribution")))
                .isEmpty();
        assertThat(problems(Map.of("SIGNED_ENTITY_TYPES", snapshots, "SNAPSHOT_UPLOADER_TYPE", "local")))
                .isEmpty();
    }

    @Test
    void theGcpKmsAncillarySignerIsRefusedWithOneLineAfterItsResourceNameIsChecked() {
        String good = "projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1";
        assertThat(problems(Map.of(
                        "ANCILLARY_FILES_SIGNER_CONFIG", "{\"type\":\"gcp-kms\",\"resource_name\":\"" + good + "\"}")))
                .containsExactly("ANCILLARY_FILES_SIGNER_CONFIG of type gcp-kms is not supported by this build yet: use"
                        + " type secret-key");
        assertThat(problems(Map.of(
                        "ANCILLARY_FILES_SIGNER_CONFIG",
                        "{\"type\":\"gcp-kms\",\"resource_name\":\"projects/p/keyRings/r\"}")))
                .singleElement()
                .asString()
                .contains("resource_name does not match projects/");
        // outside the devnet, certifying a snapshot type needs a signer
        assertThat(problems(Map.of(
                        "CHAIN_OBSERVER_TYPE", "pallas",
                        "CARDANO_NODE_SOCKET_PATH", "/ipc/node.socket",
                        "SIGNED_ENTITY_TYPES", "CardanoDatabase",
                        "SNAPSHOT_UPLOADER_TYPE", "local")))
                .containsExactly("ANCILLARY_FILES_SIGNER_CONFIG is required to certify CardanoImmutableFilesFull or"
                        + " CardanoDatabase (the ancillary files manifest is signed)");
    }

    @Test
    void fileIsReadAndEnvironmentWins() throws IOException {
        Files.writeString(
                dir.resolve("dev.json"),
                "{\"server_port\": 9000, \"zstandard_parameters\": {\"level\": 3}, \"era_reader_adapter_params\": {\"markers\": []}}");
        ResolvedSettings fromFile = ResolvedSettings.resolve(Map.of(), dir.resolve("dev.json"), Map.of());
        assertThat(fromFile.get("server_port")).contains("9000");
        assertThat(fromFile.get("zstandard_parameters.level")).contains("3");
        assertThat(fromFile.get("era_reader_adapter_params")).contains("{\"markers\":[]}");
        ResolvedSettings envWins =
                ResolvedSettings.resolve(Map.of("SERVER_PORT", "9100"), dir.resolve("dev.json"), Map.of());
        assertThat(envWins.get("server_port")).contains("9100");
        ResolvedSettings flagWins = ResolvedSettings.resolve(
                Map.of("SERVER_PORT", "9100"), dir.resolve("dev.json"), Map.of("server_port", "9200"));
        assertThat(flagWins.get("server_port")).contains("9200");
    }

    @Test
    void badValueInTheFileNamesVariableAndFile() throws IOException {
        Files.writeString(dir.resolve("dev.json"), "{\"server_port\": \"http\"}");
        assertThat(problems(Map.of()))
                .singleElement()
                .asString()
                .startsWith("SERVER_PORT (key 'server_port' of ")
                .contains("dev.json")
                .contains("is not a port number");
        Files.writeString(dir.resolve("dev.json"), "{not json");
        assertThat(problems(Map.of()))
                .singleElement()
                .asString()
                .contains("dev.json")
                .contains("is not valid JSON (line 1, column 2)");
    }

    @Test
    void databaseUrlIsSplitForTheClients() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://mithril:s%40cret@db.internal:6543/aggregator?sslmode=require");
        assertThat(url.user()).isEqualTo("mithril");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.reactiveUrl()).isEqualTo("postgresql://db.internal:6543/aggregator?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/aggregator?sslmode=require");
        assertThat(url.toString()).doesNotContain("s@cret");
        assertThat(problems(Map.of("DATABASE_URL", "postgresql://h:5432/")))
                .singleElement()
                .asString()
                .contains("has no database name");
    }

    @Test
    void everyOperatorGuideVariableIsKnown() {
        List<String> guide = List.of(
                "SIGNED_ENTITY_TYPES",
                "SERVER_PORT",
                "PUBLIC_SERVER_URL",
                "LEADER_AGGREGATOR_ENDPOINT",
                "RUN_INTERVAL",
                "AGGREGATE_SIGNATURE_TYPE",
                "STORE_RETENTION_LIMIT",
                "NETWORK",
                "NETWORK_MAGIC",
                "CARDANO_NODE_SOCKET_PATH",
                "CARDANO_NODE_VERSION",
                "CHAIN_OBSERVER_TYPE",
                "ERA_READER_ADAPTER_TYPE",
                "ERA_READER_ADAPTER_PARAMS",
                "GENESIS_VERIFICATION_KEY",
                "DMQ_NODE_SOCKET_PATH",
                "CUSTOM_ORIGIN_TAG_WHITE_LIST",
                "DB_DIRECTORY",
                "DATA_STORES_DIRECTORY",
                "GOOGLE_APPLICATION_CREDENTIALS_JSON",
                "GOOGLE_APPLICATION_CREDENTIALS_GCP_KMS_JSON",
                "SNAPSHOT_UPLOADER_TYPE",
                "SNAPSHOT_BUCKET_NAME",
                "SNAPSHOT_USE_CDN_DOMAIN",
                "SNAPSHOT_COMPRESSION_ALGORITHM",
                "ZSTANDARD_PARAMETERS__LEVEL",
                "ZSTANDARD_PARAMETERS__NUMBER_OF_WORKERS",
                "ANCILLARY_FILES_SIGNER_CONFIG",
                "CARDANO_TRANSACTIONS_PROVER_CACHE_POOL_SIZE",
                "CARDANO_TRANSACTIONS_DATABASE_CONNECTION_POOL_SIZE",
                "ENABLE_METRICS_SERVER",
                "METRICS_SERVER_IP",
                "METRICS_SERVER_PORT",
                "BLOCKFROST_PARAMETERS",
                "SIGNER_IMPORTER_RUN_INTERVAL");
        List<String> known = Settings.ALL.stream().map(Setting::env).toList();
        assertThat(known).containsAll(guide);
    }
}
