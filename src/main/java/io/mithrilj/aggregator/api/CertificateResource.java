package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.certifier.CertificateQueries;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code /certificates}, {@code /certificate/genesis}, {@code /certificate/{hash}}. Details count
 * {@code certificate_detail_total_served} before the lookup (404s count). A malformed hash is a 400
 * naming the problem ({@link HashParameter}); an unknown one is 404 with an empty body, as upstream.
 */
@Path("/aggregator")
public class CertificateResource {

    private final CertificateQueries certificates;
    private final AggregatorMetrics metrics;
    private final ApiSettings settings;

    CertificateResource(CertificateQueries certificates, AggregatorMetrics metrics, ApiSettings settings) {
        this.certificates = certificates;
        this.metrics = metrics;
        this.settings = settings;
    }

    @GET
    @Path("/certificates")
    public Uni<Response> list() {
        return certificates.list().map(b -> RootResource.json(b));
    }

    @GET
    @Path("/certificate/genesis")
    public Uni<Response> genesis(
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        metrics.increment(
                MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED,
                ClientLabels.of(settings, origin, client).values());
        return certificates
                .latestGenesis()
                .map(found -> RootResource.json(found.orElseThrow(ApiException.NotFound::new)));
    }

    @GET
    @Path("/certificate/{hash}")
    public Uni<Response> byHash(
            @PathParam("hash") String hash,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client) {
        metrics.increment(
                MithrilMetric.CERTIFICATE_DETAIL_TOTAL_SERVED,
                ClientLabels.of(settings, origin, client).values());
        HashParameter.require("hash", hash);
        return certificates.byHash(hash).map(found -> RootResource.json(found.orElseThrow(ApiException.NotFound::new)));
    }
}
