package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.epoch.EpochQueries;
import io.mithrilj.aggregator.protocol.json.ApiVersion;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /}, {@code /status}, {@code /epoch-settings}, {@code /protocol-configuration/{epoch}}. */
@Path("/aggregator")
public class RootResource {

    private final ApiSettings settings;
    private final EpochQueries epochs;
    private final String rootMessage;

    RootResource(ApiSettings settings, EpochQueries epochs) {
        this.settings = settings;
        this.epochs = epochs;
        ObjectNode m = MessageJson.MAPPER.createObjectNode();
        m.put("open_api_version", ApiVersion.VERSION);
        m.put("documentation_url", "https://mithril.network");
        ObjectNode capabilities = m.putObject("capabilities");
        capabilities.set("signed_entity_types", epochs.allowedTypes());
        capabilities.put("aggregate_signature_type", settings.aggregateSignatureType());
        if (settings.cardanoTransactionsAllowed()) {
            capabilities
                    .putObject("cardano_transactions_prover")
                    .put("max_hashes_allowed_by_request", settings.maxHashesAllowedByRequest());
        }
        this.rootMessage = MessageJson.write(m);
    }

    /** Upstream's root route has no method filter: every method gets the features message. */
    @GET
    public Response root() {
        return json(rootMessage);
    }

    @POST
    public Response rootPost() {
        return root();
    }

    @PUT
    public Response rootPut() {
        return root();
    }

    @DELETE
    public Response rootDelete() {
        return root();
    }

    @PATCH
    public Response rootPatch() {
        return root();
    }

    @GET
    @Path("/status")
    public Uni<Response> status() {
        return epochs.status().map(RootResource::json);
    }

    @GET
    @Path("/epoch-settings")
    public Uni<Response> epochSettings() {
        return epochs.epochSettings().map(RootResource::json);
    }

    /** The epoch must be a u64: anything else misses the route (404), as upstream's {@code path!(... / u64)}. */
    @GET
    @Path("/protocol-configuration/{epoch}")
    public Uni<Response> protocolConfiguration(@PathParam("epoch") String epoch) {
        long value;
        try {
            value = EpochParameter.parseU64(epoch);
        } catch (NumberFormatException e) {
            throw new ApiException.NotFound();
        }
        if (!EpochParameter.storable(value)) throw new ApiException.NotFound();
        return epochs.protocolConfiguration(value).map(found -> json(found.orElseThrow(ApiException.NotFound::new)));
    }

    static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
