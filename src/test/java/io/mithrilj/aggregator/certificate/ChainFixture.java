package io.mithrilj.aggregator.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mithrilj.aggregator.protocol.Certificate;
import io.mithrilj.aggregator.protocol.Fixtures;
import io.mithrilj.aggregator.protocol.json.CertificateJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The fixture chain as entities, and helpers to tamper with certificates. */
final class ChainFixture {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Accepts every multi-signature: only for tests of the checks that come after check 4. */
    static final MultiSignatureVerifier MULTI_SIGNATURE_NOT_CHECKED = (m, s, a, p) -> {};

    private ChainFixture() {}

    /** The real STM verifier. */
    static MultiSignatureVerifier stmVerifier() {
        return StmMultiSignatureVerifier.INSTANCE;
    }

    static boolean stmAvailable() {
        return stmVerifier() != null;
    }

    /** The real STM verifier when available, else the accept-all placeholder. */
    static MultiSignatureVerifier bestMultiSignatureVerifier() {
        return stmAvailable() ? stmVerifier() : MULTI_SIGNATURE_NOT_CHECKED;
    }

    static Map<String, Certificate> certificates() {
        Map<String, Certificate> m = new LinkedHashMap<>();
        Fixtures.certificates().forEach((hash, json) -> m.put(hash, CertificateJson.readCertificate(json)));
        return m;
    }

    static Certificate certificate(String hash) {
        return CertificateJson.readCertificate(Fixtures.certificateJson(hash));
    }

    static CertificateChainVerifier verifier(
            Map<String, Certificate> certs, MultiSignatureVerifier multi, String genesisVk) {
        return new CertificateChainVerifier(
                new InMemoryCertificateRetriever(certs.values()),
                multi,
                GenesisSignatureVerifier.ed25519(genesisVk),
                VerifiedCertificateCache.disabled(),
                CertificateChainVerifier.DEFAULT_MAX_CHAIN_LENGTH);
    }

    /** The fixture certificate {@code hash} with its JSON tree edited. */
    static Certificate tampered(String hash, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(Fixtures.certificateJson(hash));
            edit.accept(node);
            return CertificateJson.readCertificate(node.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode metadata(ObjectNode cert) {
        return (ObjectNode) cert.get("metadata");
    }

    static ObjectNode parts(ObjectNode cert) {
        return (ObjectNode) cert.get("protocol_message").get("message_parts");
    }

    static JsonNode json(String hash) {
        try {
            return MAPPER.readTree(Fixtures.certificateJson(hash));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Same certificate with {@code signed_message} recomputed from its protocol message. */
    static Certificate withRecomputedSignedMessage(Certificate c) {
        return new Certificate(
                c.hash(),
                c.previousHash(),
                c.epoch(),
                c.metadata(),
                c.protocolMessage(),
                c.protocolMessage().computeHash(),
                c.aggregateVerificationKey(),
                c.signature());
    }
}
