package io.mithrilj.aggregator.config;

import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The settings the API reads, derived once from {@link AggregatorConfig}. */
@ApplicationScoped
public class ApiSettings {

    private static final Set<String> BASE_ORIGIN_TAGS = Set.of("EXPLORER", "BENCHMARK", "CI", "NA");
    private static final Set<String> CLIENT_TYPES = Set.of("CLI", "WASM", "LIBRARY", "NA");

    private final List<SignedEntityKind> allowedKinds;
    private final Set<String> originTags;
    private final String network;
    private final String cardanoNodeVersion;
    private final String aggregateSignatureType;
    private final int maxHashesAllowedByRequest;
    private final String serverUrl;
    private final AggregatorConfig config;

    /** The chain observer of the embedded devnet. */
    public static final String DEVNET_OBSERVER = "fake";

    ApiSettings(AggregatorConfig config) {
        this.config = config;
        Set<String> configured = new LinkedHashSet<>();
        config.signedEntityTypes()
                .ifPresent(csv -> Arrays.stream(csv.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(configured::add));
        // the devnet certifies what it can make without a Cardano node when nothing is configured
        if (config.signedEntityTypes().isEmpty() && DEVNET_OBSERVER.equals(config.chainObserverType())) {
            configured.add(SignedEntityKind.CARDANO_STAKE_DISTRIBUTION.discriminant());
            configured.add(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL.discriminant());
            configured.add(SignedEntityKind.CARDANO_DATABASE.discriminant());
        }
        List<SignedEntityKind> kinds = new ArrayList<>();
        for (SignedEntityKind k : SignedEntityKind.values()) {
            if (k == SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION || configured.contains(k.discriminant())) kinds.add(k);
        }
        this.allowedKinds = List.copyOf(kinds);
        Set<String> tags = new LinkedHashSet<>(BASE_ORIGIN_TAGS);
        config.customOriginTagWhiteList()
                .ifPresent(csv -> Arrays.stream(csv.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(tags::add));
        this.originTags = Set.copyOf(tags);
        this.network = networkName(config.network());
        this.cardanoNodeVersion = config.cardanoNodeVersion();
        this.aggregateSignatureType = config.aggregateSignatureType();
        this.maxHashesAllowedByRequest = config.cardanoTransactionsProverMaxHashesAllowedByRequest();
        String url = config.publicServerUrl()
                .filter(s -> !s.isBlank())
                .orElse("http://" + config.serverIp() + ":" + config.serverPort() + "/aggregator/");
        this.serverUrl = url.endsWith("/") ? url : url + "/";
    }

    /** Configured signed entity types plus MithrilStakeDistribution, in upstream's discriminant order. */
    public List<SignedEntityKind> allowedKinds() {
        return allowedKinds;
    }

    public boolean cardanoTransactionsAllowed() {
        return allowedKinds.contains(SignedEntityKind.CARDANO_TRANSACTIONS);
    }

    /** The {@code mithril-origin-tag} label value: the header when white-listed (exact match), else NA. */
    public String originTag(String header) {
        return header != null && originTags.contains(header) ? header : "NA";
    }

    /** The {@code mithril-client-type} label value: the header when known (exact match), else NA. */
    public String clientType(String header) {
        return header != null && CLIENT_TYPES.contains(header) ? header : "NA";
    }

    /** Cardano network display name (mainnet, preprod, preview, devnet, private). */
    public String network() {
        return network;
    }

    public String cardanoNodeVersion() {
        return cardanoNodeVersion;
    }

    public String aggregateSignatureType() {
        return aggregateSignatureType;
    }

    public int maxHashesAllowedByRequest() {
        return maxHashesAllowedByRequest;
    }

    /** Public URL of the API with a trailing slash. */
    public String serverUrl() {
        return serverUrl;
    }

    /** Configured protocol parameters as JSON, the fallback of missing epoch settings (as upstream's leader). */
    public String configuredProtocolParametersJson() {
        var p = config.protocolParameters();
        return "{\"k\":" + p.k() + ",\"m\":" + p.m() + ",\"phi_f\":" + p.phiF() + "}";
    }

    /** Configured CTx signing configuration as JSON. */
    public String configuredSigningConfigJson() {
        var c = config.cardanoTransactionsSigningConfig();
        return "{\"security_parameter\":" + c.securityParameter() + ",\"step\":" + c.step() + "}";
    }

    private static String networkName(String configured) {
        String n = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "mainnet", "preprod", "preview", "devnet" -> n;
            default -> "private";
        };
    }
}
