package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.certificate.MultiSigner;
import io.mithrilj.aggregator.certifier.CertifierService;
import io.mithrilj.aggregator.certifier.CpuSlots;
import io.mithrilj.aggregator.certifier.SignatureRefusedException;
import io.mithrilj.aggregator.crypto.stm.StmException;
import io.mithrilj.aggregator.crypto.stm.StmSignatureBatcher;
import io.mithrilj.aggregator.crypto.stm.StmSingleSignature;
import io.mithrilj.aggregator.epoch.EpochService;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.mithrilj.aggregator.protocol.SignedEntityType;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /register-signatures} (spec aggregator-runtime.md §10.3): body checked, {@code
 * signature_registration_total_received{HTTP}} +1, signature decoded (400 "Could not decode signature payload"),
 * authenticated against the epoch service's current, then next, multi-signer (400 "Could not authenticate
 * signature"), then registered by the certifier: 201 against its open message, 202 buffered before it exists, 410
 * when it is certified or expired, 500 when the signature does not verify against it (as upstream).
 */
@Path("/aggregator")
public class SignatureResource {

    /**
     * The BLS checks of the signatures received at the same time, in randomised batches of up to 64 (one batch per
     * core at a time, each in a CPU slot): under a burst, one pairing check per batch instead of one per signature
     * (docs/benchmarks.md, issue 17). Static: one for the process, whatever the resource's scope.
     */
    private static final StmSignatureBatcher BATCHER =
            new StmSignatureBatcher(Runtime.getRuntime().availableProcessors(), 64, work -> {
                try (CpuSlots.Slot slot = CpuSlots.take()) {
                    work.run();
                }
            });

    private final EpochService epochService;
    private final CertifierService certifier;
    private final AggregatorMetrics metrics;

    SignatureResource(EpochService epochService, CertifierService certifier, AggregatorMetrics metrics) {
        this.epochService = epochService;
        this.certifier = certifier;
        this.metrics = metrics;
    }

    @POST
    @Path("/register-signatures")
    @Consumes(MediaType.WILDCARD)
    public Response registerSignatures(String body, @HeaderParam("content-type") String contentType) {
        JsonBody json = JsonBody.parse(contentType, body);
        checkSignedEntityType(json.root().get("entity_type"));
        SignedEntityType type = CertificateJson.readSignedEntityType(json.root().get("entity_type"));
        String partyId = json.string("party_id");
        String signatureText = json.string("signature");
        json.u64Array("indexes");
        String signedMessage = json.string("signed_message");
        metrics.increment(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_RECEIVED, "HTTP");
        // CPU-bound: decoded in one of the certifier's slots (one per core); the BLS checks of the authentication
        // take slots of their own, for a batch of the signatures waiting at that time
        StmSingleSignature signature;
        try (CpuSlots.Slot slot = CpuSlots.take()) {
            signature = StmSingleSignature.decode(signatureText);
        } catch (StmException e) {
            throw ApiException.badRequest(
                    "Could not decode signature payload", "Could not decode the single signature: " + e.getMessage());
        }
        Optional<Boolean> byCurrentSigners = authenticate(signedMessage, partyId, signature);
        if (byCurrentSigners.isEmpty()) {
            throw ApiException.badRequest("Could not authenticate signature", "Signature could not be authenticated");
        }
        try {
            CertifierService.SignatureOutcome outcome = certifier.registerSingleSignature(
                    type, partyId, signature, byCurrentSigners.get() ? Optional.of(signedMessage) : Optional.empty());
            metrics.increment(MithrilMetric.SIGNATURE_REGISTRATION_TOTAL_SUCCESSFUL, "HTTP");
            return Response.status(outcome == CertifierService.SignatureOutcome.REGISTERED ? 201 : 202)
                    .build();
        } catch (SignatureRefusedException.AlreadyCertified e) {
            throw new ApiException.ClientError(410, SignatureRefusedException.AlreadyCertified.LABEL, e.getMessage());
        } catch (SignatureRefusedException.Expired e) {
            throw new ApiException.ClientError(410, SignatureRefusedException.Expired.LABEL, e.getMessage());
        } catch (SignatureRefusedException.Invalid e) {
            throw new ApiException.ServerError(500, e.getMessage());
        }
    }

    /**
     * Upstream's {@code SingleSignatureAuthenticator}: the current signers' keys, else the next ones'. Empty when
     * neither verifies; else whether the current signers' did.
     */
    private Optional<Boolean> authenticate(String signedMessage, String partyId, StmSingleSignature signature) {
        Optional<EpochService.MultiSigners> signers = epochService.multiSignersIfComputed();
        if (signers.isEmpty()) return Optional.empty();
        for (MultiSigner signer : List.of(signers.get().current(), signers.get().next())) {
            try {
                signer.verifySingleSignature(signedMessage, partyId, signature, BATCHER);
                return Optional.of(signer == signers.get().current());
            } catch (RuntimeException e) {
                // not this epoch's keys: try the next ones
            }
        }
        return Optional.empty();
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
