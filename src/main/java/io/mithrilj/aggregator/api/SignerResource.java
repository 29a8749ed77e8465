package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.epoch.EpochQueries;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.registration.RegistrationClosedOnFollowerException;
import io.mithrilj.aggregator.registration.RegistrationRoundEpochMismatchException;
import io.mithrilj.aggregator.registration.RegistrationRoundNotOpenedException;
import io.mithrilj.aggregator.registration.SignerPayloadDecodingException;
import io.mithrilj.aggregator.registration.SignerRegisterer;
import io.mithrilj.aggregator.registration.SignerRegistration;
import io.mithrilj.aggregator.registration.SignerRegistrationRefusedException;
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

    private final SignerRegisterer registrations;
    private final EpochQueries epochs;
    private final AggregatorMetrics metrics;
    private final ApiSettings settings;

    SignerResource(
            SignerRegisterer registrations, EpochQueries epochs, AggregatorMetrics metrics, ApiSettings settings) {
        this.registrations = registrations;
        this.epochs = epochs;
        this.metrics = metrics;
        this.settings = settings;
    }

    /**
     * Body checked first (no metric on a malformed body, as warp rejects it before the handler), then
     * {@code signer_registration_total_received{origin_tag}}, then key decoding (400 "Could not decode signer
     * payload"), then the round (550 when none is open, 500 for another epoch, 500 on a follower, whose round is
     * always closed), the verifier (400
     * {@code failed_signer_registration}), and the signer recorded: 201 for a new and for a repeated registration,
     * {@code signer_registration_total_successful} only for a new one.
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
        Long kesPeriod = json.optionalU64Value("kes_period");
        String originTag = settings.originTag(origin);
        metrics.increment(MithrilMetric.SIGNER_REGISTRATION_TOTAL_RECEIVED, originTag);
        try {
            SignerRegistration registration =
                    SignerRegistration.decode(partyId, verificationKey, vkSignature, opCert, kesPeriod);
            return switch (registrations.registerSigner(epoch, registration)) {
                case REGISTERED -> {
                    metrics.increment(MithrilMetric.SIGNER_REGISTRATION_TOTAL_SUCCESSFUL, originTag);
                    yield Response.status(201).build();
                }
                case ALREADY_REGISTERED -> Response.status(201).build();
            };
        } catch (SignerPayloadDecodingException e) {
            throw ApiException.badRequest(SignerPayloadDecodingException.LABEL, e.getMessage());
        } catch (RegistrationRoundNotOpenedException e) {
            throw new ApiException.ServerError(550, e.getMessage());
        } catch (SignerRegistrationRefusedException e) {
            throw ApiException.badRequest(SignerRegistrationRefusedException.LABEL, e.getMessage());
        } catch (RegistrationRoundEpochMismatchException | RegistrationClosedOnFollowerException e) {
            throw new ApiException.ServerError(500, e.getMessage());
        }
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
