package io.mithrilj.aggregator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import io.mithrilj.aggregator.protocol.SignedEntityTypeDiscriminant;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How the text of a setting is checked. Each check returns {@code null} when valid, else what is wrong. */
public enum SettingKind {
    TEXT {
        @Override
        String check(String v) {
            return null;
        }
    },
    PORT {
        @Override
        String check(String v) {
            if (!v.trim().matches("\\d{1,5}")) return "is not a port number (0-65535)";
            int p = Integer.parseInt(v.trim());
            return p > 65535 ? "is not a port number (0-65535)" : null;
        }
    },
    IP {
        @Override
        String check(String v) {
            String s = v.trim();
            boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    && java.util.Arrays.stream(s.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
            boolean ipv6 = s.contains(":") && s.matches("[0-9a-fA-F:.]+");
            if (!ipv4 && !ipv6) return "is not an IP address";
            try {
                InetAddress.getByName(s);
                return null;
            } catch (Exception e) {
                return "is not an IP address";
            }
        }
    },
    U64 {
        @Override
        String check(String v) {
            String s = v.trim();
            if (!s.matches("\\d{1,20}") || new BigInteger(s).bitLength() > 64)
                return "is not an unsigned 64-bit integer";
            return null;
        }
    },
    POSITIVE_INT {
        @Override
        String check(String v) {
            String s = v.trim();
            if (!s.matches("\\d{1,9}") || Integer.parseInt(s) == 0) return "is not a positive integer";
            return null;
        }
    },
    NON_NEGATIVE_INT {
        @Override
        String check(String v) {
            return v.trim().matches("\\d{1,9}") ? null : "is not a non-negative integer";
        }
    },
    BOOLEAN {
        @Override
        String check(String v) {
            return parseBoolean(v) == null ? "is not a boolean (true/false, 1/0, yes/no, on/off)" : null;
        }
    },
    URL {
        @Override
        String check(String v) {
            try {
                URI u = new URI(v.trim());
                if (u.getScheme() == null
                        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                        || u.getHost() == null) return "is not an http(s) URL";
                return null;
            } catch (Exception e) {
                return "is not an http(s) URL";
            }
        }
    },
    JSON {
        @Override
        String check(String v) {
            try {
                JsonNode n = MAPPER.readTree(v);
                return n == null || !n.isObject() ? "is not a JSON object" : null;
            } catch (JsonProcessingException e) {
                return jsonSyntaxProblem(e);
            }
        }
    },
    SEMVER {
        @Override
        String check(String v) {
            return SEMVER_PATTERN.matcher(v.trim()).matches() ? null : "is not a semantic version such as 10.5.0";
        }
    },
    NETWORK {
        @Override
        String check(String v) {
            return oneOf(
                    v.trim().toLowerCase(Locale.ROOT), List.of("mainnet", "preprod", "preview", "devnet", "private"));
        }
    },
    CHAIN_OBSERVER {
        @Override
        String check(String v) {
            return oneOf(v.trim(), List.of("pallas", "cardano-cli", "fake"));
        }
    },
    ERA_READER_ADAPTER {
        @Override
        String check(String v) {
            return oneOf(v.trim(), List.of("bootstrap", "cardano-chain", "file", "dummy"));
        }
    },
    UPLOADER {
        @Override
        String check(String v) {
            return oneOf(v.trim(), List.of("gcp", "local"));
        }
    },
    COMPRESSION {
        @Override
        String check(String v) {
            return oneOf(v.trim(), List.of("gzip", "zstandard"));
        }
    },
    AGGREGATE_SIGNATURE_TYPE {
        @Override
        String check(String v) {
            return oneOf(v.trim(), List.of("Concatenation"));
        }
    },
    ZSTD_LEVEL {
        @Override
        String check(String v) {
            String s = v.trim();
            if (!s.matches("-?\\d{1,9}")) return "is not an integer";
            int l = Integer.parseInt(s);
            return l < 1 || l > 22 ? "is out of the zstd level range 1..22" : null;
        }
    },
    SIGNED_ENTITY_TYPES {
        @Override
        String check(String v) {
            List<String> unknown = java.util.Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .filter(s -> !ACCEPTED_SIGNED_ENTITY_TYPES.contains(s))
                    .distinct()
                    .toList();
            if (unknown.isEmpty()) return null;
            return "has invalid signed entity types discriminants: " + String.join(", ", unknown)
                    + ". Accepted values are (case-sensitive): " + String.join(", ", ACCEPTED_SIGNED_ENTITY_TYPES)
                    + ".";
        }
    },
    /** Ed25519 verification key in upstream's json-hex form (hex of a JSON array of 32 bytes), raw hex accepted. */
    ED25519_VERIFICATION_KEY {
        @Override
        String check(String v) {
            try {
                Ed25519VerificationKey.decode(v.trim());
                return null;
            } catch (CodecException e) {
                return "is not the hex of an Ed25519 public key (json-hex of a 32-byte array, on the curve): "
                        + e.getMessage();
            }
        }
    },
    ED25519_SECRET_KEY {
        @Override
        String check(String v) {
            return isEd25519SecretKey(v)
                    ? null
                    : "is not the hex of an Ed25519 secret key (expected json-hex of a 32-byte array)";
        }
    },
    ANCILLARY_SIGNER {
        @Override
        String check(String v) {
            try {
                JsonNode n = MAPPER.readTree(v);
                if (n == null || !n.isObject()) return "is not a JSON object";
                String type = n.path("type").asText("");
                return switch (type) {
                    case "secret-key" ->
                        n.path("secret_key").isTextual()
                                        && isEd25519SecretKey(
                                                n.path("secret_key").asText())
                                ? null
                                : "of type secret-key needs \"secret_key\": the hex of an Ed25519 secret key";
                    // checked as upstream, then refused: this build signs with a secret key only
                    case "gcp-kms" ->
                        !n.path("resource_name").isTextual()
                                ? "of type gcp-kms needs \"resource_name\""
                                : !GCP_KMS_RESOURCE
                                                .matcher(n.path("resource_name").asText())
                                                .matches()
                                        ? "of type gcp-kms: resource_name does not match projects/<project>/locations/"
                                                + "<location>/keyRings/<ring>/cryptoKeys/<key>/cryptoKeyVersions/"
                                                + "<version>"
                                        : "of type gcp-kms is not supported by this build yet: use type secret-key";
                    default -> "needs \"type\": \"secret-key\" or \"gcp-kms\"";
                };
            } catch (JsonProcessingException e) {
                return jsonSyntaxProblem(e);
            }
        }
    },
    DATABASE_URL {
        @Override
        String check(String v) {
            try {
                DatabaseUrl.parse(v);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    };

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern GCP_KMS_RESOURCE =
            Pattern.compile("projects/[^/]+/locations/[^/]+/keyRings/[^/]+/cryptoKeys/[^/]+/cryptoKeyVersions/[^/]+");
    static final List<String> ACCEPTED_SIGNED_ENTITY_TYPES = SignedEntityTypeDiscriminant.signable().stream()
            .map(SignedEntityTypeDiscriminant::variantName)
            .toList();
    private static final Pattern SEMVER_PATTERN =
            Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final Set<String> TRUE = Set.of("1", "true", "on", "yes");
    private static final Set<String> FALSE = Set.of("0", "false", "off", "no");

    /**
     * What is wrong with a value, or {@code null}. A problem never quotes the value (secrets are checked by the
     * same code): only fixed texts and positions.
     */
    abstract String check(String value);

    /** Where a JSON text is malformed, without any of it: Jackson's own messages quote the offending token. */
    public static String jsonSyntaxProblem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0
                ? "is not valid JSON"
                : "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Upstream's (config-rs) boolean coercion, or {@code null} when the text is not a boolean. */
    public static Boolean parseBoolean(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) return Boolean.TRUE;
        if (FALSE.contains(s)) return Boolean.FALSE;
        return null;
    }

    private static String oneOf(String v, List<String> accepted) {
        return accepted.contains(v) ? null : "is not one of " + String.join(", ", accepted);
    }

    static boolean isEd25519SecretKey(String value) {
        try {
            Ed25519SigningKey.decode(value.trim());
            return true;
        } catch (CodecException e) {
            return false;
        }
    }
}
