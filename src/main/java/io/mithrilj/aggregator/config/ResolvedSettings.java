package io.mithrilj.aggregator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings as upstream layers them: defaults, then {@code <config-directory>/<run-mode>.json}, then the
 * environment (upstream names: {@code SERVER_PORT}, {@code ZSTANDARD_PARAMETERS__LEVEL}…), then
 * command-line flags. Plain Java, so the launcher can check it before Quarkus starts and the config
 * source can hand it to Quarkus afterwards.
 */
public final class ResolvedSettings {

    /** Where one value came from, for error messages. */
    public enum Origin {
        DEFAULT,
        FILE,
        ENVIRONMENT,
        COMMAND_LINE
    }

    public record Value(Setting setting, String text, Origin origin) {
        /** How to name the value in a message: the variable, and the file key when it came from the file. */
        public String describe(Path file) {
            return switch (origin) {
                case FILE -> setting.env() + " (key '" + setting.key() + "' of " + file + ")";
                case COMMAND_LINE -> setting.env() + " (command-line flag)";
                default -> setting.env();
            };
        }
    }

    public static final String RUN_MODE_PROPERTY = "mithril-cli.run-mode";
    public static final String CONFIG_DIRECTORY_PROPERTY = "mithril-cli.config-directory";
    /** Prefix of system properties set by command-line flags, e.g. {@code mithril-cli.flag.server_port}. */
    public static final String FLAG_PREFIX = "mithril-cli.flag.";

    private final Map<String, Value> values;
    private final Path file;
    private final String fileError;

    private ResolvedSettings(Map<String, Value> values, Path file, String fileError) {
        this.values = values;
        this.file = file;
        this.fileError = fileError;
    }

    /** Resolve from this process: its environment, its system properties (run mode, flags) and the file. */
    public static ResolvedSettings fromProcess() {
        Map<String, String> flags = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith(FLAG_PREFIX)) flags.put(key.substring(FLAG_PREFIX.length()), v.toString());
        });
        Path dir = Path.of(System.getProperty(CONFIG_DIRECTORY_PROPERTY, "./config"));
        String runMode = System.getProperty(RUN_MODE_PROPERTY, "dev");
        return resolve(System.getenv(), dir.resolve(runMode + ".json"), flags);
    }

    public static ResolvedSettings resolve(Map<String, String> env, Path file, Map<String, String> flags) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (Setting s : Settings.ALL) {
            if (s.defaultValue() != null) values.put(s.key(), new Value(s, s.defaultValue(), Origin.DEFAULT));
        }
        String fileError = null;
        if (Files.isRegularFile(file)) {
            try {
                JsonNode root = new ObjectMapper().readTree(Files.readString(file));
                if (root == null || !root.isObject()) {
                    fileError = "configuration file " + file + " is not a JSON object";
                } else {
                    flatten(
                            "",
                            root,
                            (key, text) -> Settings.byKey(key)
                                    .ifPresent(s -> values.put(key, new Value(s, text, Origin.FILE))));
                }
            } catch (JsonProcessingException e) {
                // the file holds secrets: say where it is malformed, never what is there
                fileError = "configuration file " + file + " " + SettingKind.jsonSyntaxProblem(e);
            } catch (IOException e) {
                fileError = "configuration file " + file + " could not be read: "
                        + e.getMessage().lines().findFirst().orElse("");
            }
        }
        for (Setting s : Settings.ALL) {
            String v = env.get(s.env());
            if (v != null) values.put(s.key(), new Value(s, v, Origin.ENVIRONMENT));
        }
        flags.forEach((key, text) ->
                Settings.byKey(key).ifPresent(s -> values.put(key, new Value(s, text, Origin.COMMAND_LINE))));
        // the devnet's own defaults where upstream's suit only a real deployment: its archives beside its stores,
        // served by the aggregator itself rather than uploaded to a bucket it has no credentials for
        Value observer = values.get("chain_observer_type");
        if (observer != null && observer.text().trim().equals(ApiSettings.DEVNET_OBSERVER)) {
            String stores = values.get("data_stores_directory").text().trim();
            devnetDefault(values, "snapshot_uploader_type", "local");
            devnetDefault(
                    values,
                    "snapshot_directory",
                    Path.of(stores, DEVNET_SNAPSHOTS).toString());
            // a legacy snapshot archives the whole database at each immutable file: keep the devnet's disk bounded
            if (!values.containsKey("store_retention_limit")) {
                Settings.byKey("store_retention_limit")
                        .ifPresent(r -> values.put(r.key(), new Value(r, DEVNET_RETENTION, Origin.DEFAULT)));
            }
        }
        return new ResolvedSettings(values, file, fileError);
    }

    /** Where the devnet keeps its archives, under DATA_STORES_DIRECTORY, when SNAPSHOT_DIRECTORY is not set. */
    public static final String DEVNET_SNAPSHOTS = "snapshots";

    /** Epochs of stores and archives the devnet keeps when STORE_RETENTION_LIMIT is not set. */
    public static final String DEVNET_RETENTION = "10";

    private static void devnetDefault(Map<String, Value> values, String key, String text) {
        Value v = values.get(key);
        if (v != null && v.origin() == Origin.DEFAULT) values.put(key, new Value(v.setting(), text, Origin.DEFAULT));
    }

    private static void flatten(String prefix, JsonNode node, java.util.function.BiConsumer<String, String> sink) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = prefix + e.getKey();
            JsonNode v = e.getValue();
            // string-or-struct settings (era params, ancillary signer, blockfrost) keep their JSON text
            if (v.isObject() && Settings.byKey(key).isPresent()) sink.accept(key, v.toString());
            else if (v.isObject()) flatten(key + ".", v, sink);
            else if (v.isArray()) sink.accept(key, v.toString());
            else if (!v.isNull()) sink.accept(key, v.asText());
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(Value::text);
    }

    public Map<String, Value> values() {
        return values;
    }

    /**
     * Every problem, one line each, naming the variable. Secret values are never repeated. An empty
     * list means the settings are usable.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (fileError != null) problems.add(fileError);
        for (Value v : values.values()) {
            String problem = v.setting().kind().check(v.text());
            if (problem != null) {
                String shown = v.setting().secret() ? "" : "='" + abbreviate(v.text()) + "'";
                problems.add(v.describe(file) + shown + " " + problem);
            }
        }
        if (problems.isEmpty()) crossChecks(problems);
        return problems;
    }

    private void crossChecks(List<String> problems) {
        String network = get("network").orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        if (network.equals("private") && get("network_magic").isEmpty()) {
            problems.add("NETWORK_MAGIC is required when NETWORK is private");
        }
        String observer = get("chain_observer_type").orElse("");
        if (!observer.equals("fake") && get("cardano_node_socket_path").isEmpty()) {
            problems.add("CARDANO_NODE_SOCKET_PATH is required with CHAIN_OBSERVER_TYPE=" + observer);
        }
        if (observer.equals("cardano-cli") && get("cardano_cli_path").isEmpty()) {
            problems.add("CARDANO_CLI_PATH is required with CHAIN_OBSERVER_TYPE=cardano-cli");
        }
        String era = get("era_reader_adapter_type").orElse("bootstrap");
        if (!era.equals("bootstrap") && get("era_reader_adapter_params").isEmpty()) {
            problems.add("ERA_READER_ADAPTER_PARAMS is required with ERA_READER_ADAPTER_TYPE=" + era);
        }
        // the gcp uploader publishes the snapshot archives: needed once a snapshot type is signed (the default
        // uploader type is gcp, and the devnet signs none without configuration)
        if (get("snapshot_uploader_type").orElse("").equals("gcp") && signsSnapshots()) {
            if (get("snapshot_bucket_name").filter(b -> !b.isBlank()).isEmpty()) {
                problems.add("SNAPSHOT_BUCKET_NAME is required with SNAPSHOT_UPLOADER_TYPE=gcp");
            }
            Optional<String> credentials = get("google_application_credentials_json");
            if (credentials.isEmpty()) {
                problems.add("GOOGLE_APPLICATION_CREDENTIALS_JSON is required with SNAPSHOT_UPLOADER_TYPE=gcp");
            } else {
                serviceAccountProblem(credentials.get()).ifPresent(problems::add);
            }
        }
        // the ancillary files manifest of both snapshot types is signed (the devnet signs with its genesis key)
        if (signsSnapshots()
                && !observer.equals(ApiSettings.DEVNET_OBSERVER)
                && get("ancillary_files_signer_config")
                        .filter(c -> !c.isBlank())
                        .isEmpty()) {
            problems.add("ANCILLARY_FILES_SIGNER_CONFIG is required to certify CardanoImmutableFilesFull or"
                    + " CardanoDatabase (the ancillary files manifest is signed)");
        }
        String phi = get("protocol_parameters.phi_f").orElse("");
        try {
            double p = Double.parseDouble(phi.trim());
            if (!(p > 0 && p <= 1)) problems.add("PROTOCOL_PARAMETERS__PHI_F='" + phi + "' is not in (0, 1]");
        } catch (NumberFormatException e) {
            problems.add("PROTOCOL_PARAMETERS__PHI_F='" + abbreviate(phi) + "' is not a number");
        }
        if (get("dmq_node_socket_path").isPresent()
                && network.equals("private")
                && get("dmq_network_magic").isEmpty()) {
            problems.add("DMQ_NETWORK_MAGIC is required with DMQ_NODE_SOCKET_PATH on a private network");
        }
    }

    /**
     * The gcp uploader authenticates with a service account key (the JSON's validity is checked with the other
     * settings): another credential type is told by its type alone, never with the text.
     */
    private static Optional<String> serviceAccountProblem(String credentialsJson) {
        try {
            String type =
                    new ObjectMapper().readTree(credentialsJson).path("type").asText("");
            if (type.equals("service_account")) return Optional.empty();
            String shown = type.matches("[a-z_]{1,40}") ? "'" + type + "'" : "missing or unknown";
            return Optional.of("GOOGLE_APPLICATION_CREDENTIALS_JSON is not a service account key (type " + shown
                    + "): the gcp uploader needs one");
        } catch (JsonProcessingException e) {
            return Optional.empty(); // reported by the setting's own check
        }
    }

    /** CardanoImmutableFilesFull or CardanoDatabase among SIGNED_ENTITY_TYPES: archives to publish. */
    private boolean signsSnapshots() {
        return java.util.Arrays.stream(get("signed_entity_types").orElse("").split(","))
                .map(String::trim)
                .anyMatch(t -> t.equals("CardanoImmutableFilesFull") || t.equals("CardanoDatabase"));
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 77) + "..." : oneLine;
    }
}
