package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.artifact.ArtifactQueries;
import io.mithrilj.aggregator.config.ApiSettings;
import io.mithrilj.aggregator.metrics.AggregatorMetrics;
import io.mithrilj.aggregator.metrics.MithrilMetric;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code /proof/cardano-transaction?transaction_hashes=h1,h2}: upstream's validator (count ≤ max, each
 * hash 64 hex characters), proofs metric counted before validation, transactions metric += distinct hashes
 * after it; 404 when no CTx artifact exists.
 */
@Path("/aggregator/proof")
public class ProofResource {

    static final String LABEL = "invalid_transaction_hashes";

    private final ArtifactQueries artifacts;
    private final AggregatorMetrics metrics;
    private final ApiSettings settings;

    ProofResource(ArtifactQueries artifacts, AggregatorMetrics metrics, ApiSettings settings) {
        this.artifacts = artifacts;
        this.metrics = metrics;
        this.settings = settings;
    }

    @GET
    @Path("/cardano-transaction")
    public Uni<Response> proof(
            @QueryParam("transaction_hashes") String hashes,
            @HeaderParam(ClientLabels.ORIGIN_TAG_HEADER) String origin,
            @HeaderParam(ClientLabels.CLIENT_TYPE_HEADER) String client,
            @Context UriInfo uri) {
        // "?transaction_hashes" without '=' is an empty value for serde_urlencoded, as "?transaction_hashes="
        if (hashes == null && uri.getQueryParameters().containsKey("transaction_hashes")) hashes = "";
        if (hashes == null)
            throw ApiException.badRequest("invalid_query", "Invalid query string: missing field `transaction_hashes`");
        String[] labels = ClientLabels.of(settings, origin, client).values();
        metrics.increment(MithrilMetric.PROOF_CARDANO_TRANSACTION_TOTAL_PROOFS_SERVED, labels);
        List<String> list = Arrays.asList(hashes.split(",", -1));
        validate(list, settings.maxHashesAllowedByRequest());
        List<String> sanitized = List.copyOf(new TreeSet<>(list));
        metrics.add(MithrilMetric.PROOF_CARDANO_TRANSACTION_TOTAL_TRANSACTIONS_SERVED, sanitized.size(), labels);
        return artifacts
                .proof(sanitized)
                .map(found -> RootResource.json(found.orElseThrow(ApiException.NotFound::new)));
    }

    static void validate(List<String> hashes, int max) {
        if (hashes.size() > max) {
            throw ApiException.badRequest(
                    LABEL,
                    "Transaction hashes list contains more than maximum allowed number of hashes: '" + max + "'");
        }
        for (String hash : hashes) {
            if (hash.isEmpty()) throw ApiException.badRequest(LABEL, "Transaction hash cannot be empty");
            if (hash.codePointCount(0, hash.length()) != 64)
                throw ApiException.badRequest(LABEL, "Transaction hash must have 64 characters");
            if (!hash.chars()
                    .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                throw ApiException.badRequest(LABEL, "Transaction hash must contain only hexadecimal characters");
            }
        }
    }
}
