package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /statistics/...}: counters with origin/client labels, 201 with an empty body. Upstream also
 * queues an event for its event store (monitoring database); no event store exists yet, so only the
 * counters are kept.
 */
@Path("/aggregator/statistics")
public class StatisticsResource {

    private final AggregatorMetrics metrics;
    private final ApiSettings settings;

    StatisticsResource(AggregatorMetrics metrics, ApiSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Body: {@code SnapshotDownloadMessage}. */
    @POST
    @Path("/snapshot")
    @Consumes(MediaType.WILDCARD)
    public Response snapshot(
            String body,
            @HeaderParam("content-type") String contentType,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        JsonBody json = JsonBody.parse(contentType, body);
        json.string("digest");
        json.string("network");
        JsonNode beacon = json.root().get("beacon");
        if (beacon == null || !beacon.isObject()) throw ApiException.invalidBody("missing field `beacon`");
        JsonBody.checkU64(beacon, "epoch");
        JsonBody.checkU64(beacon, "immutable_file_number");
        json.requireU64("size");
        json.optionalU64("ancillary_size");
        json.stringArray("locations", true);
        json.stringArray("ancillary_locations", false);
        String compression = json.string("compression_algorithm");
        if (!compression.equals("gzip") && !compression.equals("zstandard")) {
            throw ApiException.invalidBody("unknown variant `" + compression
                    + "` for `compression_algorithm`, expected `gzip` or `zstandard`");
        }
        json.string("cardano_node_version");
        return counted(MithrilMetric.CARDANO_DB_TOTAL_RESTORATION, 1, origin, client);
    }

    /** Body: {@code {"nb_immutable_files": u32}}, added to the counter. */
    @POST
    @Path("/cardano-database/immutable-files-restored")
    @Consumes(MediaType.WILDCARD)
    public Response immutableFilesRestored(
            String body,
            @HeaderParam("content-type") String contentType,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        long count = JsonBody.parse(contentType, body).u32("nb_immutable_files");
        return counted(MithrilMetric.CARDANO_DB_IMMUTABLE_FILES_RESTORED, count, origin, client);
    }

    /** No body read. */
    @POST
    @Path("/cardano-database/ancillary-files-restored")
    @Consumes(MediaType.WILDCARD)
    public Response ancillaryFilesRestored(
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return counted(MithrilMetric.CARDANO_DB_ANCILLARY_FILES_RESTORED, 1, origin, client);
    }

    /** No body read. */
    @POST
    @Path("/cardano-database/complete-restoration")
    @Consumes(MediaType.WILDCARD)
    public Response completeRestoration(
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return counted(MithrilMetric.CARDANO_DB_COMPLETE_RESTORATION, 1, origin, client);
    }

    /** No body read. */
    @POST
    @Path("/cardano-database/partial-restoration")
    @Consumes(MediaType.WILDCARD)
    public Response partialRestoration(
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        return counted(MithrilMetric.CARDANO_DB_PARTIAL_RESTORATION, 1, origin, client);
    }

    /** The metric counted with the caller's labels; 201 with an empty body, as upstream. */
    private Response counted(MithrilMetric metric, long amount, String origin, String client) {
        metrics.add(metric, amount, ClientLabels.of(settings, origin, client).values());
        return Response.status(201).build();
    }
}
