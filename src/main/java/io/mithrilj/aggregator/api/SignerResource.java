package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.epoch.EpochQueries;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.registration.RegistrationService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /register-signer}, {@code /signers/registered/{epoch}}, {@code /signers/tickers}. */
@Path("/aggregator")
public class SignerResource {

    private final RegistrationService registrations;
    private final EpochQueries epochs;
    private final AggregatorMetrics metrics;
    private final ApiSettings settings;

    SignerResource(
            RegistrationService registrations, EpochQueries epochs, AggregatorMetrics metrics, ApiSettings settings) {
        this.registrations = registrations;
        this.epochs = epochs;
        this.metrics = metrics;
        this.settings = settings;
    }

    /**
     * Body checked first (no metric on a malformed body, as warp rejects it before the handler), then
     * {@code signer_registration_total_received{origin_tag}}, then key decoding (400 "Could not decode
     * signer payload"), then the registration round: none is opened before the runtime exists, so this
     * answers upstream's 550 "a signer registration round is not opened yet, please try again later".
     */
    @POST
    @Path("/register-signer")
    @Consumes(MediaType.WILDCARD)
    public Response registerSigner(
            String body,
            @HeaderParam("content-type") String contentType,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin) {
        JsonBody json = JsonBody.parse(contentType, body);
        long epoch = json.u64("epoch");
        String partyId = json.string("party_id");
        String verificationKey = json.string("verification_key");
        String vkSignature = json.optionalString("verification_key_signature");
        String opCert = json.optionalString("operational_certificate");
        json.optionalU64("kes_period");
        String originTag = settings.originTag(origin);
        metrics.increment(MithrilMetric.SIGNER_REGISTRATION_TOTAL_RECEIVED, originTag);
        RegistrationService.signerPayloadError(verificationKey, vkSignature, opCert)
                .ifPresent(problem -> {
                    throw ApiException.badRequest("Could not decode signer payload", problem);
                });
        return switch (registrations.registerSigner(epoch, partyId)) {
            case REGISTERED -> {
                metrics.increment(MithrilMetric.SIGNER_REGISTRATION_TOTAL_SUCCESSFUL, originTag);
                yield Response.status(201).build();
            }
            case ALREADY_REGISTERED -> Response.status(201).build();
            case ROUND_NOT_OPENED -> throw new ApiException.ServerError(550, RegistrationService.ROUND_NOT_OPENED);
        };
    }

    /** Registrations recorded for the epoch after the given one; no offset limit on {@code latest-K}. */
    @GET
    @Path("/signers/registered/{epoch}")
    public Uni<Response> registered(@PathParam("epoch") String epoch) {
        return EpochParameter.expand(epoch, epochs).chain(e -> {
            if (!EpochParameter.storable(e.epoch()) || e.epoch() == Long.MAX_VALUE)
                return Uni.createFrom().failure(new ApiException.NotFound());
            return epochs.registeredSigners(e.epoch())
                    .map(found -> RootResource.json(found.orElseThrow(ApiException.NotFound::new)));
        });
    }

    @GET
    @Path("/signers/tickers")
    public Uni<Response> tickers() {
        return epochs.signersTickers().map(RootResource::json);
    }
}
