package io.mithrilj.aggregator.artifact.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;

/**
 * Signs the hash of the ancillary manifest (upstream {@code AncillarySigner}): plain Ed25519 over the 32 bytes of
 * {@link AncillaryManifest#hash()}, checked by clients against the configured ancillary verification key.
 */
public interface AncillarySigner {
    /** The setting this signer is built from. */
    String SETTING = "ANCILLARY_FILES_SIGNER_CONFIG";

    /** The 64-byte Ed25519 signature of {@code manifestHash}. */
    byte[] sign(byte[] manifestHash);

    /** The key clients verify the manifest signature with. */
    Ed25519VerificationKey verificationKey();

    /** A signer holding {@code key} in memory (upstream {@code AncillarySignerWithSecretKey}). */
    static AncillarySigner withSecretKey(Ed25519SigningKey key) {
        return new SecretKeyAncillarySigner(key);
    }

    /**
     * The signer of an {@value #SETTING} text (upstream {@code AncillaryFilesSignerConfig}):
     * {@code {"type":"secret-key","secret_key":"<json-hex or hex of the 32-byte seed>"}}. A {@code gcp-kms}
     * configuration is checked as upstream checks it, then refused: this build has no KMS client.
     *
     * @throws IllegalArgumentException with one line naming what is wrong; the secret is never part of it
     */
    static AncillarySigner fromConfig(String config) {
        if (config == null || config.isBlank()) throw invalid("is empty");
        JsonNode root;
        try {
            ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(config);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the input, which may hold the secret: only the position is kept
            JsonLocation at = e.getLocation();
            throw invalid("is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) throw invalid("is not a JSON object");
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw invalid("has no string field 'type' (expected \"secret-key\" or \"gcp-kms\")");
        }
        return switch (type.textValue()) {
            case "secret-key" -> secretKeySigner(root);
            case "gcp-kms" -> throw gcpKmsRefused(root);
            default -> throw invalid("has an unknown type (expected \"secret-key\" or \"gcp-kms\")");
        };
    }

    private static AncillarySigner secretKeySigner(JsonNode root) {
        JsonNode secret = root.get("secret_key");
        if (secret == null || !secret.isTextual()) {
            throw invalid("of type \"secret-key\" has no string field 'secret_key'");
        }
        try {
            return withSecretKey(Ed25519SigningKey.decode(secret.textValue()));
        } catch (CodecException e) {
            throw invalid("has an invalid secret_key: expected the json-hex (or hex) of a 32-byte Ed25519 secret key");
        }
    }

    private static IllegalArgumentException gcpKmsRefused(JsonNode root) {
        JsonNode resource = root.get("resource_name");
        if (resource == null || !resource.isTextual()) {
            return invalid("of type \"gcp-kms\" has no string field 'resource_name'");
        }
        JsonNode credentials = root.get("credentials_json_env_var");
        if (credentials != null && !credentials.isTextual()) {
            return invalid("of type \"gcp-kms\" has a 'credentials_json_env_var' that is not a string");
        }
        String name = resource.textValue();
        if (!isGcpKeyVersionName(name)) {
            return invalid("has an invalid resource_name: '" + name + "' does not match pattern "
                    + "'projects/../locations/../keyRings/../cryptoKeys/../cryptoKeyVersions/..'");
        }
        return new IllegalArgumentException(SETTING + ": type \"gcp-kms\" (" + name
                + ") is not supported by this build yet; use type \"secret-key\"");
    }

    /** Upstream's {@code GcpCryptoKeyVersionResourceName}: 10 non-empty parts with the 5 fixed keys. */
    private static boolean isGcpKeyVersionName(String name) {
        String[] parts = name.split("/", -1);
        if (parts.length != 10) return false;
        String[] keys = {"projects", "locations", "keyRings", "cryptoKeys", "cryptoKeyVersions"};
        for (int i = 0; i < keys.length; i++) {
            if (!parts[2 * i].equals(keys[i]) || parts[2 * i + 1].isEmpty()) return false;
        }
        return true;
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(SETTING + " " + problem);
    }
}
