package io.mithrilj.aggregator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.epoch.EpochNotReadyException;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure of a resource to upstream's reply shapes; nothing escapes as a bare 500 page. An
 * unexpected failure answers a neutral text naming a request id; its detail (database address, exception
 * classes, stack) goes to the log under the same id, never to the client.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    /** Made at the first unexpected failure, not at start-up. */
    private static final class Ids {
        static final SecureRandom RANDOM = new SecureRandom();
    }

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
        if (status >= 500) return internalError(status, e);
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
        return internalError(500, e);
    }

    /** The text of an unexpected failure's reply: nothing of the failure itself. */
    static String neutralMessage(String requestId) {
        return "internal error, request id " + requestId;
    }

    private static Response internalError(int status, Throwable e) {
        String requestId = HexFormat.of().toHexDigits(Ids.RANDOM.nextLong());
        LOG.errorf(e, "request %s failed with status %d", requestId, status);
        return serverError(status, neutralMessage(requestId));
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
