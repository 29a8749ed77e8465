package io.mithrilj.aggregator.artifact.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ANCILLARY_FILES_SIGNER_CONFIG parsing and signing with the e2e key pair of artifacts.md §6.4. */
class AncillarySignerTest {
    private static final HexFormat HEX = HexFormat.of();
    static final String SECRET_KEY_JSON_HEX =
            "5b3131382c3138342c3232342c3137332c3136302c3234312c36312c3134342c36342c39332c3130362c3232392c38332c3133342c3138392c34302c3138392c3231302c32352c3138342c3136302c3134312c3233372c32362c3136382c35342c3233392c3230342c3133392c3131392c31332c3139395d";
    static final String SEED_HEX = "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7";
    static final String PUBLIC_KEY_HEX = "20fdbac9b10b7587bba7b5bc163bce69e796d71e4ed44c10fcb4488689f7a144";
    private static final String GOOD_RESOURCE =
            "projects/123456789/locations/global/keyRings/my-keyring/cryptoKeys/my-key/cryptoKeyVersions/1";

    static String secretKeyConfig(String key) {
        return "{\"type\":\"secret-key\",\"secret_key\":\"" + key + "\"}";
    }

    @Test
    void aJsonHexSecretKeySignsTheManifestHashAsTheReferenceVector() {
        AncillarySigner signer = AncillarySigner.fromConfig(secretKeyConfig(SECRET_KEY_JSON_HEX));
        byte[] hash =
                AncillaryManifest.of(Map.of("file1", "hash1", "file2", "hash2")).hash();

        byte[] signature = signer.sign(hash);

        assertThat(signer.verificationKey().toBytesHex()).isEqualTo(PUBLIC_KEY_HEX);
        assertThat(HEX.formatHex(signature)).isEqualTo(AncillaryManifestTest.FILE1_FILE2_SIGNATURE);
        assertThat(signer.verificationKey().isValid(hash, Ed25519Signature.fromBytes(signature)))
                .isTrue();
    }

    @Test
    void aPlainHexSecretKeyIsAcceptedAsUpstreamsFallbackAndExtraFieldsAreIgnored() {
        AncillarySigner signer = AncillarySigner.fromConfig(
                "{ \"secret_key\": \"" + SEED_HEX + "\", \"type\": \"secret-key\", \"comment\": 1 }");

        assertThat(signer.verificationKey().toBytesHex()).isEqualTo(PUBLIC_KEY_HEX);
        assertThat(signer.toString()).contains(PUBLIC_KEY_HEX).doesNotContain(SEED_HEX);
    }

    @Test
    void aValidGcpKmsConfigurationIsRefusedInOneLine() {
        assertThatThrownBy(() -> AncillarySigner.fromConfig("{\"type\":\"gcp-kms\",\"resource_name\":\"" + GOOD_RESOURCE
                        + "\",\"credentials_json_env_var\":\"CUSTOM_ENV_VAR\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANCILLARY_FILES_SIGNER_CONFIG: type \"gcp-kms\" (" + GOOD_RESOURCE
                        + ") is not supported by this build yet; use type \"secret-key\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/proj/locations/loc/keyRings/kr/cryptoKeys/key/cryptoKeyVersions/1",
                "projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/",
                "projects/p/locations/l/keyRings/r/cryptoKeys/k",
                "projects/p/location/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1",
                "projects/p/locations/l/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1/extra"
            })
    void aMistypedGcpKmsResourceNameIsReportedAsSuchBeforeTheRefusal(String resource) {
        assertThatThrownBy(() ->
                        AncillarySigner.fromConfig("{\"type\":\"gcp-kms\",\"resource_name\":\"" + resource + "\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ANCILLARY_FILES_SIGNER_CONFIG has an invalid resource_name: '" + resource
                        + "' does not match pattern")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badConfigurationsNameTheProblemWithoutEchoingTheSecret() {
        String secret = SECRET_KEY_JSON_HEX.substring(0, 60);
        Map<String, String> cases = Map.of(
                "",
                "ANCILLARY_FILES_SIGNER_CONFIG is empty",
                "{\"type\":\"secret-key\",\"secret_key\":\"" + secret,
                "ANCILLARY_FILES_SIGNER_CONFIG is not valid JSON",
                "[\"" + secret + "\"]",
                "ANCILLARY_FILES_SIGNER_CONFIG is not a JSON object",
                "{\"secret_key\":\"" + secret + "\"}",
                "ANCILLARY_FILES_SIGNER_CONFIG has no string field 'type'",
                "{\"type\":\"hsm\",\"secret_key\":\"" + secret + "\"}",
                "ANCILLARY_FILES_SIGNER_CONFIG has an unknown type",
                "{\"type\":\"secret-key\"}",
                "ANCILLARY_FILES_SIGNER_CONFIG of type \"secret-key\" has no string field 'secret_key'",
                secretKeyConfig(secret),
                "ANCILLARY_FILES_SIGNER_CONFIG has an invalid secret_key",
                "{\"type\":\"secret-key\",\"secret_key\":\"" + secret + "\",\"secret_key\":\"" + secret + "\"}",
                "ANCILLARY_FILES_SIGNER_CONFIG is not valid JSON",
                "{\"type\":\"gcp-kms\"}",
                "ANCILLARY_FILES_SIGNER_CONFIG of type \"gcp-kms\" has no string field 'resource_name'");
        cases.forEach((config, message) -> assertThatThrownBy(() -> AncillarySigner.fromConfig(config))
                .as(config)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining(secret)
                .hasMessageNotContaining("\n")
                .hasNoCause());
    }
}
