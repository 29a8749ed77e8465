package io.mithrilj.aggregator.api;

import io.mithrilj.aggregator.health.SchemaReadiness;
import io.mithrilj.aggregator.protocol.json.ApiVersion;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Vert.x-level rules that must hold for every response, whichever layer produces it (resources, 404s of
 * unknown paths, CORS pre-flights, health): the {@code mithril-api-version} header (the request's own
 * version header is never checked), a 16 KiB request-target limit (414), and upstream's 256 KiB body limit announced by Content-Length
 * (413 with a body naming the problem; streamed bodies are capped by {@code quarkus.http.limits.max-body-size}).
 */
@ApplicationScoped
public class HttpFilters {

    /** Upstream's {@code MAX_CONTENT_LENGTH}. */
    public static final long MAX_CONTENT_LENGTH = 256 * 1024;
    /** Longest accepted request target (path and query): 100 proof hashes fit in ~6.7 KB. */
    public static final int MAX_URI_LENGTH = 16 * 1024;

    private final SchemaReadiness schema;

    HttpFilters(SchemaReadiness schema) {
        this.schema = schema;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.response().headers().set(ApiVersion.HEADER, ApiVersion.VERSION);
            if (rc.request().uri().length() > MAX_URI_LENGTH) {
                rc.response()
                        .setStatusCode(414)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"label\":\"uri_too_long\",\"message\":\"Request target is longer than the maximum of "
                                + MAX_URI_LENGTH + " characters\"}");
                return;
            }
            if (!schema.migrated() && rc.request().path().startsWith("/aggregator")) {
                rc.response()
                        .setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"message\":\"the aggregator is starting: database migrations in progress\"}");
                return;
            }
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                rc.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(
                                "{\"label\":\"payload_too_large\",\"message\":\"Request body is larger than the maximum of "
                                        + MAX_CONTENT_LENGTH + " bytes\"}");
                return;
            }
            rc.next();
        });
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > MAX_CONTENT_LENGTH;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
