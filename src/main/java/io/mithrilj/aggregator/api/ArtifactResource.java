package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.artifact.ArtifactQueries;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.epoch.EpochQueries;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Every {@code /artifact/...} route. Detail routes count their metric before the lookup; an id of
 * another artifact type is not found (upstream would fail converting it: a 500 for a bad id).
 */
@Path("/aggregator/artifact")
public class ArtifactResource {

    private final ArtifactQueries artifacts;
    private final EpochQueries epochs;
    private final AggregatorMetrics metrics;
    private final ApiSettings settings;

    ArtifactResource(ArtifactQueries artifacts, EpochQueries epochs, AggregatorMetrics metrics, ApiSettings settings) {
        this.artifacts = artifacts;
        this.epochs = epochs;
        this.metrics = metrics;
        this.settings = settings;
    }

    // --- legacy full immutable snapshots

    @GET
    @Path("/snapshots")
    public Uni<Response> snapshots() {
        return list(SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL);
    }

    @GET
    @Path("/snapshot/{digest}")
    public Uni<Response> snapshot(
            @PathParam("digest") String digest,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return detail(
                SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL,
                MithrilMetric.ARTIFACT_DETAIL_CARDANO_DB_TOTAL_SERVED,
                digest,
                origin,
                client);
    }

    /**
     * Upstream answers 302 to the archive URL whatever the uploader (openapi says 200), for GET and HEAD
     * (JAX-RS serves HEAD through this GET method).
     */
    @GET
    @Path("/snapshot/{digest}/download")
    public Uni<Response> snapshotDownload(@PathParam("digest") String digest) {
        HashParameter.require("digest", digest);
        return artifacts
                .snapshotDownloadLocation(digest)
                .map(found -> Response.status(302)
                        .location(URI.create(found.orElseThrow(ApiException.NotFound::new)))
                        .build());
    }

    // --- Cardano database (v2)

    @GET
    @Path("/cardano-database")
    public Uni<Response> cardanoDatabases() {
        return list(SignedEntityKind.CARDANO_DATABASE);
    }

    @GET
    @Path("/cardano-database/epoch/{epoch}")
    public Uni<Response> cardanoDatabasesByEpoch(@PathParam("epoch") String epoch) {
        return EpochParameter.expand(epoch, epochs).chain(e -> {
            checkOffset(e, epoch);
            if (!EpochParameter.storable(e.epoch())) return Uni.createFrom().item(RootResource.json("[]"));
            return artifacts
                    .listByEpoch(SignedEntityKind.CARDANO_DATABASE, e.epoch())
                    .map(RootResource::json);
        });
    }

    @GET
    @Path("/cardano-database/digests")
    public Uni<Response> cardanoDatabaseDigests() {
        return artifacts.digestList().map(RootResource::json);
    }

    @GET
    @Path("/cardano-database/{hash}")
    public Uni<Response> cardanoDatabase(
            @PathParam("hash") String hash,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return detail(
                SignedEntityKind.CARDANO_DATABASE,
                MithrilMetric.ARTIFACT_DETAIL_CARDANO_DATABASE_TOTAL_SERVED,
                hash,
                origin,
                client);
    }

    // --- Mithril stake distribution

    @GET
    @Path("/mithril-stake-distributions")
    public Uni<Response> mithrilStakeDistributions() {
        return list(SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION);
    }

    @GET
    @Path("/mithril-stake-distribution/{hash}")
    public Uni<Response> mithrilStakeDistribution(
            @PathParam("hash") String hash,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return detail(
                SignedEntityKind.MITHRIL_STAKE_DISTRIBUTION,
                MithrilMetric.ARTIFACT_DETAIL_MITHRIL_STAKE_DISTRIBUTION_TOTAL_SERVED,
                hash,
                origin,
                client);
    }

    // --- Cardano stake distribution

    @GET
    @Path("/cardano-stake-distributions")
    public Uni<Response> cardanoStakeDistributions() {
        return list(SignedEntityKind.CARDANO_STAKE_DISTRIBUTION);
    }

    @GET
    @Path("/cardano-stake-distribution/{hash}")
    public Uni<Response> cardanoStakeDistribution(
            @PathParam("hash") String hash,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return detail(
                SignedEntityKind.CARDANO_STAKE_DISTRIBUTION,
                MithrilMetric.ARTIFACT_DETAIL_CARDANO_STAKE_DISTRIBUTION_TOTAL_SERVED,
                hash,
                origin,
                client);
    }

    /** Counted before validation; {@code latest} targets N − 1 (the beacon of the CSD signed at N). */
    @GET
    @Path("/cardano-stake-distribution/epoch/{epoch}")
    public Uni<Response> cardanoStakeDistributionByEpoch(
            @PathParam("epoch") String epoch,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        metrics.increment(
                MithrilMetric.ARTIFACT_DETAIL_CARDANO_STAKE_DISTRIBUTION_TOTAL_SERVED,
                ClientLabels.of(settings, origin, client).values());
        return EpochParameter.expand(epoch, epochs).chain(e -> {
            checkOffset(e, epoch);
            long target = e.applyOffsetForLatest(1);
            if (!EpochParameter.storable(target)) return Uni.createFrom().failure(new ApiException.NotFound());
            return artifacts
                    .byEpoch(SignedEntityKind.CARDANO_STAKE_DISTRIBUTION, target)
                    .map(ArtifactResource::found);
        });
    }

    // --- Cardano transactions

    @GET
    @Path("/cardano-transactions")
    public Uni<Response> cardanoTransactions() {
        return list(SignedEntityKind.CARDANO_TRANSACTIONS);
    }

    @GET
    @Path("/cardano-transaction/{hash}")
    public Uni<Response> cardanoTransaction(
            @PathParam("hash") String hash,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return detail(
                SignedEntityKind.CARDANO_TRANSACTIONS,
                MithrilMetric.ARTIFACT_DETAIL_CARDANO_TRANSACTION_TOTAL_SERVED,
                hash,
                origin,
                client);
    }

    private Uni<Response> list(SignedEntityKind kind) {
        return artifacts.list(kind).map(b -> RootResource.json(b));
    }

    private Uni<Response> detail(SignedEntityKind kind, MithrilMetric metric, String id, String origin, String client) {
        metrics.increment(metric, ClientLabels.of(settings, origin, client).values());
        HashParameter.require(kind == SignedEntityKind.CARDANO_IMMUTABLE_FILES_FULL ? "digest" : "hash", id);
        return artifacts.byId(kind, id).map(found -> RootResource.json(found.orElseThrow(ApiException.NotFound::new)));
    }

    private static Response found(Optional<String> json) {
        return RootResource.json(json.orElseThrow(ApiException.NotFound::new));
    }

    private static void checkOffset(EpochParameter e, String raw) {
        if (e.offsetGreaterThan(EpochParameter.MAX_ARTIFACT_EPOCH_OFFSET)) {
            throw ApiException.invalidEpoch("offset greater than maximum allowed value: epoch:`" + raw
                    + "`, max offset:`" + EpochParameter.MAX_ARTIFACT_EPOCH_OFFSET + "`");
        }
    }
}
