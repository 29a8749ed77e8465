package io.mithrilj.aggregator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.json.ApiVersion;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import org.junit.jupiter.api.Test;

/** The validator itself: it pins the API version and does catch contract violations. */
class OpenApiValidationFilterTest {

    private final OpenApiValidationFilter validator = OpenApiValidationFilter.instance();

    @Test
    void apiVersionConstantIsOpenApiInfoVersion() {
        assertEquals(validator.documentVersion(), ApiVersion.VERSION);
    }

    @Test
    void acceptsAFixtureCertificate() {
        String cert = Fixtures.details("certificates.json").values().iterator().next();
        validator.check("get", "/aggregator/certificate/abc", 200, "application/json", cert, null);
    }

    @Test
    void rejectsACertificateWithAnExtraOrMissingField() {
        ObjectNode cert = (ObjectNode) MessageJson.parse(
                Fixtures.details("certificates.json").values().iterator().next());
        cert.put("unexpected", 1);
        assertThrows(
                AssertionError.class,
                () -> validator.check(
                        "get", "/aggregator/certificate/abc", 200, "application/json", MessageJson.write(cert), null));
        cert.remove("unexpected");
        cert.remove("signed_message");
        assertThrows(
                AssertionError.class,
                () -> validator.check(
                        "get", "/aggregator/certificate/abc", 200, "application/json", MessageJson.write(cert), null));
    }

    @Test
    void rejectsUndocumentedStatusesBodiesAndPaths() {
        // 404 is documented without content
        assertThrows(
                AssertionError.class,
                () -> validator.check("get", "/aggregator/certificate/abc", 404, "application/json", "{}", null));
        // an error body must match Error
        assertThrows(
                AssertionError.class,
                () -> validator.check("get", "/aggregator/certificates", 500, "application/json", "{\"msg\":1}", null));
        assertThrows(
                AssertionError.class,
                () -> validator.check("get", "/aggregator/nowhere", 200, "application/json", "{}", null));
        assertThrows(
                AssertionError.class,
                () -> validator.check("delete", "/aggregator/certificates", 200, "application/json", "[]", null));
        // 302 only whitelisted on the download route
        validator.check("get", "/aggregator/artifact/snapshot/abc/download", 302, null, "", "http://x/");
        assertThrows(
                AssertionError.class,
                () -> validator.check("get", "/aggregator/artifact/snapshot/abc", 302, null, "", "http://x/"));
    }
}
