package io.mithrilj.aggregator.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.certifier.CertificateQueries;
import io.mithrilj.aggregator.certifier.CertifierService;
import io.mithrilj.aggregator.certifier.OpenMessage;
import io.mithrilj.aggregator.config.AggregatorConfig;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.config.BuildInfo;
import io.mithrilj.aggregator.dmq.DmqStatus;
import io.mithrilj.aggregator.epoch.EpochQueries;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.follower.FollowerService;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.Epoch;
import io.mithrilj.aggregator.protocol.ProtocolParameters;
import io.mithrilj.aggregator.protocol.SignerWithStake;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.runtime.AggregatorState;
import io.mithrilj.aggregator.runtime.RuntimeCycle;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the console's panels show, read from the features (never from the stores) and turned into plain values for
 * the templates. Every value is text the templates escape; nothing secret is read.
 */
@ApplicationScoped
public class ConsoleView {
    static final String NONE = "–";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);
    /** Epochs the timeline shows. */
    static final int TIMELINE_EPOCHS = 5;

    @TemplateData
    public record Overview(
            String role,
            String network,
            String version,
            String cardanoNodeVersion,
            String epochError,
            long epoch,
            String cardanoEra,
            String mithrilEra,
            String timePoint,
            String state,
            String lastCycleAt,
            String lastCycleTook,
            String lastCycleOutcome,
            boolean lastCycleFailed,
            OpenMessageView signing,
            String protocol,
            String nextProtocol,
            long totalSigners,
            long totalNextSigners,
            List<SignerView> currentSigners,
            List<SignerView> nextSigners,
            List<CertificateView> certificates) {}

    @TemplateData
    public record OpenMessageView(
            String type,
            String beacon,
            String createdAt,
            String expiresAt,
            String status,
            long signatures,
            String quorum) {}

    @TemplateData
    public record SignerView(String partyId, String stake, String share) {}

    @TemplateData
    public record CertificateView(
            String hash, String shortHash, long epoch, String type, String sealedAt, long signers) {
        public String link() {
            return "/aggregator/certificate/" + hash;
        }
    }

    @TemplateData
    public record Sync(
            boolean follower,
            String leaderEndpoint,
            String leaderEpoch,
            String ourEpoch,
            String leaderSeenAt,
            String lastChainSync,
            String lastChainResult,
            String chainFailure,
            long certificatesMirrored,
            String lastSignerSync,
            String signersSyncedFor,
            int signersMirrored,
            String signerFailure) {}

    @TemplateData
    public record Dmq(
            boolean configured,
            String socketPath,
            String consumer,
            String connected,
            String lastMessageAt,
            long accepted,
            long refused,
            String summary) {}

    @TemplateData
    public record Metrics(List<MetricView> counters, String prometheus, boolean prometheusEnabled) {}

    @TemplateData
    public record MetricView(String name, String help, String value, String sparkline, int samples) {}

    @TemplateData
    public record EpochRow(
            long epoch, String began, String firstOpened, String registered, List<MessageRow> messages) {}

    @TemplateData
    public record MessageRow(
            String type,
            String beacon,
            String openedAt,
            String closedAt,
            String outcome,
            String signers,
            String link) {}

    private final RuntimeCycle runtime;
    private final EpochService epochService;
    private final EpochQueries epochQueries;
    private final CertifierService certifier;
    private final CertificateQueries certificates;
    private final FollowerService follower;
    private final DmqStatus dmq;
    private final AggregatorMetrics metrics;
    private final MetricsHistory history;
    private final ApiSettings settings;
    private final AggregatorConfig config;

    ConsoleView(
            RuntimeCycle runtime,
            EpochService epochService,
            EpochQueries epochQueries,
            CertifierService certifier,
            CertificateQueries certificates,
            FollowerService follower,
            DmqStatus dmq,
            AggregatorMetrics metrics,
            MetricsHistory history,
            ApiSettings settings,
            AggregatorConfig config) {
        this.runtime = runtime;
        this.epochService = epochService;
        this.epochQueries = epochQueries;
        this.certifier = certifier;
        this.certificates = certificates;
        this.follower = follower;
        this.dmq = dmq;
        this.metrics = metrics;
        this.history = history;
        this.settings = settings;
        this.config = config;
    }

    String role() {
        if (follower.enabled()) return "follower";
        return ApiSettings.DEVNET_OBSERVER.equals(config.chainObserverType()) ? "devnet (leader)" : "leader";
    }

    Overview overview() {
        // the header values are those of /aggregator/status, read through the same query
        JsonNode status = null;
        String epochError = "";
        try {
            status = MessageJson.parse(epochQueries.status().await().atMost(QUERY_TIMEOUT));
        } catch (RuntimeException e) {
            epochError = String.valueOf(e.getMessage());
        }
        Optional<AggregatorState> state = runtime.state();
        Optional<RuntimeCycle.CycleReport> last = runtime.lastCycle();
        Optional<EpochService.EpochData> data = epochService.dataIfInformed();
        OpenMessageView signing = null;
        if (state.orElse(null) instanceof AggregatorState.Signing s) {
            String quorum = data.map(
                            d -> Long.toString(d.currentProtocolParameters().k()))
                    .orElse(NONE);
            signing = openMessage(s.openMessage(), quorum);
        }
        return new Overview(
                role(),
                settings.network(),
                BuildInfo.version(),
                settings.cardanoNodeVersion(),
                epochError,
                status == null ? -1 : status.get("epoch").asLong(),
                status == null ? NONE : status.get("cardano_era").asText(),
                status == null ? NONE : status.get("mithril_era").asText(),
                state.map(ConsoleView::timePoint).orElse(NONE),
                state.map(AggregatorState::name).orElse("not running"),
                last.map(c -> time(c.at())).orElse(NONE),
                last.map(c -> millis(c.took())).orElse(NONE),
                last.map(c -> c.success() ? "success" : c.error().orElse("failed"))
                        .orElse(NONE),
                last.map(c -> !c.success()).orElse(false),
                signing,
                status == null ? NONE : parameters(status.get("protocol")),
                status == null ? NONE : parameters(status.get("next_protocol")),
                status == null ? 0 : status.get("total_signers").asLong(),
                status == null ? 0 : status.get("total_next_signers").asLong(),
                data.map(d -> signers(d.currentSigners(), d.totalCurrentStake()))
                        .orElse(List.of()),
                data.map(d -> signers(d.nextSigners(), d.totalNextStake())).orElse(List.of()),
                certificates());
    }

    private OpenMessageView openMessage(OpenMessage m, String quorum) {
        String status = m.certified() ? "certified" : m.expired() ? "expired" : "signing";
        return new OpenMessageView(
                m.signedEntityType().discriminant().map(d -> d.variantName()).orElse("Unknown"),
                m.signedEntityType().beaconJson(),
                time(m.createdAt()),
                m.expiresAt().map(ConsoleView::time).orElse("never"),
                status,
                certifier.signatureCount(m),
                quorum);
    }

    private static String timePoint(AggregatorState state) {
        return switch (state) {
            case AggregatorState.Idle idle ->
                idle.previous()
                        .map(t -> "epoch " + t.epoch().value() + " (last transition)")
                        .orElse(NONE);
            case AggregatorState.Ready ready -> describe(ready.timePoint());
            case AggregatorState.Signing signing -> describe(signing.timePoint());
        };
    }

    private static String describe(io.mithrilj.aggregator.chain.TimePoint t) {
        return "epoch " + t.epoch().value() + ", immutable file " + t.immutableFileNumber() + ", slot "
                + t.chainPoint().slotNumber() + ", block " + t.chainPoint().blockNumber();
    }

    private static String parameters(JsonNode p) {
        if (p == null || !p.isObject()) return NONE;
        return "k=" + p.path("k").asText() + ", m=" + p.path("m").asText() + ", φf="
                + p.path("phi_f").asText();
    }

    static String parameters(ProtocolParameters p) {
        return "k=" + p.k() + ", m=" + p.m() + ", φf=" + p.phiF();
    }

    private static List<SignerView> signers(List<SignerWithStake> signers, BigInteger total) {
        List<SignerView> out = new ArrayList<>();
        for (SignerWithStake s : signers) {
            String share = total.signum() == 0
                    ? NONE
                    : new BigDecimal(s.stake())
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(new BigDecimal(total), 2, RoundingMode.HALF_UP)
                            + " %";
            out.add(new SignerView(s.partyId(), Long.toString(s.stake()), share));
        }
        return out;
    }

    /** The newest certificates, as /aggregator/certificates lists them. */
    List<CertificateView> certificates() {
        JsonNode list = MessageJson.parse(
                new String(certificates.list().await().atMost(QUERY_TIMEOUT), StandardCharsets.UTF_8));
        List<CertificateView> out = new ArrayList<>();
        for (JsonNode c : list) {
            String hash = c.path("hash").asText();
            out.add(new CertificateView(
                    hash,
                    hash.length() > 16 ? hash.substring(0, 16) + "…" : hash,
                    c.path("epoch").asLong(),
                    typeName(c.path("signed_entity_type")),
                    c.path("metadata").path("sealed_at").asText(),
                    c.path("metadata").path("total_signers").asLong()));
        }
        return out;
    }

    private static String typeName(JsonNode signedEntityType) {
        Iterator<String> names = signedEntityType.fieldNames();
        return names.hasNext() ? names.next() : signedEntityType.asText();
    }

    private static String beacon(JsonNode signedEntityType) {
        Iterator<Map.Entry<String, JsonNode>> fields = signedEntityType.fields();
        return fields.hasNext() ? fields.next().getValue().toString() : "";
    }

    /**
     * The last epochs: the certificates of each (opened at {@code initiated_at}, sealed at {@code sealed_at}, signed by
     * {@code total_signers}) and, for the current epoch, its open messages still signing or expired; the signers
     * registered for each epoch as {@code /signers/registered/{epoch}} lists them.
     */
    List<EpochRow> timeline() {
        Map<Long, List<MessageRow>> byEpoch = new LinkedHashMap<>();
        Map<Long, String> firstOpened = new LinkedHashMap<>();
        JsonNode list = MessageJson.parse(
                new String(certificates.list().await().atMost(QUERY_TIMEOUT), StandardCharsets.UTF_8));
        for (JsonNode c : list) {
            long epoch = c.path("epoch").asLong();
            JsonNode metadata = c.path("metadata");
            boolean genesis = c.path("previous_hash").asText().isEmpty();
            byEpoch.computeIfAbsent(epoch, e -> new ArrayList<>())
                    .add(new MessageRow(
                            genesis ? "Genesis" : typeName(c.path("signed_entity_type")),
                            beacon(c.path("signed_entity_type")),
                            metadata.path("initiated_at").asText(),
                            metadata.path("sealed_at").asText(),
                            "certified",
                            metadata.path("total_signers").asText(),
                            "/aggregator/certificate/" + c.path("hash").asText()));
            firstOpened.merge(epoch, metadata.path("initiated_at").asText(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        Optional<EpochService.EpochData> data = epochService.dataIfInformed();
        if (data.isPresent()) {
            Epoch current = data.get().epoch();
            String quorum = Long.toString(data.get().currentProtocolParameters().k());
            for (OpenMessage m : certifier.openMessagesOfEpoch(current)) {
                if (m.certified()) continue; // listed with its certificate
                OpenMessageView v = openMessage(m, quorum);
                byEpoch.computeIfAbsent(m.epoch().value(), e -> new ArrayList<>())
                        .addFirst(new MessageRow(
                                v.type(),
                                v.beacon(),
                                v.createdAt(),
                                m.expired() ? v.expiresAt() : NONE,
                                v.status(),
                                v.signatures() + " signatures (quorum k=" + quorum + ")",
                                ""));
                firstOpened.merge(m.epoch().value(), v.createdAt(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Long> epochs = new ArrayList<>(byEpoch.keySet());
        epochs.sort((a, b) -> Long.compare(b, a));
        List<EpochRow> out = new ArrayList<>();
        for (long epoch : epochs.subList(0, Math.min(TIMELINE_EPOCHS, epochs.size()))) {
            out.add(new EpochRow(
                    epoch, began(epoch), firstOpened.getOrDefault(epoch, NONE), registered(epoch), byEpoch.get(epoch)));
        }
        return out;
    }

    private String began(long epoch) {
        try {
            return epochQueries
                    .epochBeganAt(epoch)
                    .await()
                    .atMost(QUERY_TIMEOUT)
                    .orElse(NONE);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    private String registered(long epoch) {
        try {
            return epochQueries
                    .registeredSigners(epoch)
                    .await()
                    .atMost(QUERY_TIMEOUT)
                    .map(json -> Integer.toString(
                            MessageJson.parse(json).path("registrations").size()))
                    .orElse(NONE);
        } catch (RuntimeException e) {
            return NONE;
        }
    }

    Sync sync() {
        if (!follower.enabled()) {
            return new Sync(false, "", NONE, NONE, NONE, NONE, NONE, NONE, 0, NONE, NONE, 0, NONE);
        }
        FollowerService.SyncStatus s = follower.status();
        String ours = epochService
                .dataIfInformed()
                .map(d -> Long.toString(d.epoch().value()))
                .orElse(NONE);
        return new Sync(
                true,
                s.leaderEndpoint(),
                s.leaderEpoch().map(e -> Long.toString(e.value())).orElse(NONE),
                ours,
                s.leaderSeenAt().map(ConsoleView::time).orElse(NONE),
                s.lastChainSync().map(ConsoleView::time).orElse(NONE),
                s.lastChainResult().map(Object::toString).orElse(NONE),
                s.chainFailure().map(f -> time(f.at()) + ": " + f.message()).orElse(NONE),
                s.certificatesMirrored(),
                s.lastSignerSync().map(ConsoleView::time).orElse(NONE),
                s.signersSyncedFor().map(e -> Long.toString(e.value())).orElse(NONE),
                s.signersMirrored(),
                s.signerFailure().map(f -> time(f.at()) + ": " + f.message()).orElse(NONE));
    }

    Dmq dmq() {
        DmqStatus.Snapshot s = dmq.snapshot();
        return new Dmq(
                s.configured(),
                s.socketPath().orElse(NONE),
                s.consumerRunning() ? "running" : "not running",
                s.connected() ? "connected" : "not connected",
                s.lastMessageAt().map(ConsoleView::time).orElse(NONE),
                s.accepted(),
                s.refused(),
                s.summary());
    }

    /** @param host the host name the console was reached at (the metrics server listens on the same machine) */
    Metrics metrics(String host) {
        Map<MithrilMetric, Map<List<String>, Double>> now = metrics.snapshot();
        List<MetricView> counters = new ArrayList<>();
        for (MithrilMetric m : MithrilMetric.values()) {
            List<Double> samples = history.of(m);
            counters.add(new MetricView(
                    m.metricName(),
                    m.help(),
                    number(MetricsHistory.total(now.get(m))),
                    MetricsHistory.sparkline(samples),
                    samples.size()));
        }
        if (!config.enableMetricsServer()) {
            return new Metrics(counters, "the metrics server is off (ENABLE_METRICS_SERVER=false)", false);
        }
        String ip = config.metricsServerIp();
        String at = ip.equals("0.0.0.0") || ip.equals("::") ? host : ip;
        return new Metrics(counters, "http://" + at + ":" + config.metricsServerPort() + "/metrics", true);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }
}
