package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.registration.RegistrationService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;

/**
 * {@code /register-signatures}: body checked, {@code signature_registration_total_received{HTTP}} +1,
 * signature decoded (400 "Could not decode signature payload"), then authenticated against the epoch
 * service: before the runtime exists there is none, and upstream answers 400 "Could not authenticate
 * signature" in that state.
 */
@Path("/aggregator")
public class SignatureResource {

    private final RegistrationService registrations;
    private final AggregatorMetrics metrics;

    SignatureResource(RegistrationService registrations, AggregatorMetrics metrics) {
        this.registrations = registrations;
        this.metrics = metrics;
    }

    @POST
    @Path("/register-signatures")
    @Consumes(MediaType.WILDCARD)
    public Response registerSignatures(String body, @HeaderParam("content-type") String contentType) {
        JsonBody json = JsonBody.parse(contentType, body);
        checkSignedEntityType(json.root().get("entity_type"));
        String partyId = json.string("party_id");
        String signature = json.string("signature");
        json.u64Array("indexes");
        String signedMessage = json.string("signed_message");
        metrics.increment(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "HTTP");
        RegistrationService.signaturePayloadError(signature).ifPresent(problem -> {
            throw ApiException.badRequest("Could not decode signature payload", problem);
        });
        return switch (registrations.registerSignature(partyId, signedMessage)) {
            case REGISTERED -> {
                metrics.increment(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL, "HTTP");
                yield Response.status(201).build();
            }
            case BUFFERED -> {
                metrics.increment(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL, "HTTP");
                yield Response.status(202).build();
            }
            case NOT_AUTHENTICATED ->
                throw ApiException.badRequest(
                        "Could not authenticate signature", "Signature could not be authenticated");
        };
    }

    /** An externally tagged {@code SignedEntityType}: one known variant with a value of the right shape. */
    static void checkSignedEntityType(JsonNode node) {
        if (node == null || node.isNull()) throw ApiException.invalidBody("missing field `entity_type`");
        if (!node.isObject() || node.size() != 1)
            throw ApiException.invalidBody("`entity_type` must be an object with one signed entity type");
        String name = node.fieldNames().next();
        JsonNode value = node.get(name);
        SignedEntityTypeDiscriminant kind = SignedEntityTypeDiscriminant.ofVariantName(name)
                .orElseThrow(() -> ApiException.invalidBody("unknown variant `" + name
                        + "` for `entity_type`, expected one of "
                        + String.join(
                                ", ",
                                Arrays.stream(SignedEntityTypeDiscriminant.values())
                                        .sorted(Comparator.comparingInt(SignedEntityTypeDiscriminant::id))
                                        .map(SignedEntityTypeDiscriminant::variantName)
                                        .toList())));
        boolean ok = switch (kind) {
            case MITHRIL_STAKE_DISTRIBUTION, CARDANO_STAKE_DISTRIBUTION -> isU64(value);
            case CARDANO_IMMUTABLE_FILES_FULL, CARDANO_DATABASE ->
                value.isObject() && isU64(value.get("epoch")) && isU64(value.get("immutable_file_number"));
            case CARDANO_TRANSACTIONS, CARDANO_BLOCKS_TRANSACTIONS ->
                value.isArray() && value.size() == 2 && isU64(value.get(0)) && isU64(value.get(1));
        };
        if (!ok) throw ApiException.invalidBody("invalid value for `entity_type` " + name);
    }

    private static boolean isU64(JsonNode v) {
        return v != null
                && v.isIntegralNumber()
                && v.bigIntegerValue().signum() >= 0
                && v.bigIntegerValue().bitLength() <= 64;
    }
}
