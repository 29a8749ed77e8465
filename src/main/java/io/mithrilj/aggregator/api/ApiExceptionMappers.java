package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.epoch.EpochNotReadyException;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure of a resource to upstream's reply shapes; nothing escapes as a bare 500 page. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return switch (e) {
            case ApiException.NotFound n -> Response.status(404).build();
            case ApiException.ClientError c -> clientError(c.status(), c.label(), c.getMessage());
            case ApiException.ServerError s -> serverError(s.status(), s.getMessage());
        };
    }

    /** Epoch service not ready on a route with no more specific mapping: upstream answers 500. */
    @ServerExceptionMapper
    public Response epochNotReady(EpochNotReadyException e) {
        return serverError(500, e.getMessage());
    }

    /** Framework rejections (unknown method, media type, ...): same status, upstream-shaped body. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) return Response.status(404).build();
        if (status >= 500) return serverError(status, e.getMessage());
        String label = switch (status) {
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
        return clientError(status, label, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.warn("unexpected error while serving a request", e);
        return serverError(500, String.valueOf(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    static Response clientError(int status, String label, String message) {
        ObjectNode body =
                MessageJson.MAPPER.createObjectNode().put("label", label).put("message", message);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(MessageJson.write(body))
                .build();
    }

    static Response serverError(int status, String message) {
        ObjectNode body = MessageJson.MAPPER.createObjectNode().put("message", message);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(MessageJson.write(body))
                .build();
    }
}
