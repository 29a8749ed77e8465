package io.mithrilj.aggregator.cardano.era;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.chain.ChainObserver;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the era reader adapter from {@code ERA_READER_ADAPTER_TYPE} and {@code ERA_READER_ADAPTER_PARAMS}
 * (upstream {@code AdapterBuilder}), with upstream's error texts.
 */
public final class EraReaderAdapterBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EraReaderAdapterBuilder() {}

    /** The adapter types, spelt as the setting takes them. */
    public enum AdapterType {
        BOOTSTRAP("bootstrap"),
        CARDANO_CHAIN("cardano-chain"),
        FILE("file"),
        DUMMY("dummy");

        private final String setting;

        AdapterType(String setting) {
            this.setting = setting;
        }

        public static AdapterType fromSetting(String value) {
            for (AdapterType t : values()) if (t.setting.equals(value)) return t;
            throw new EraReaderAdapterBuilderException(
                    "unknown era reader adapter type '" + value + "' (bootstrap, cardano-chain, file or dummy)", null);
        }
    }

    /** The configuration could not make an adapter. */
    public static final class EraReaderAdapterBuilderException extends RuntimeException {
        public EraReaderAdapterBuilderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static EraReaderAdapter build(AdapterType type, Optional<String> params, ChainObserver chainObserver) {
        return switch (type) {
            case BOOTSTRAP -> new EraReaderBootstrapAdapter();
            case CARDANO_CHAIN -> {
                JsonNode p = parse(params);
                String address = requiredText(p, "address");
                String encodedKey = requiredText(p, "verification_key");
                Ed25519VerificationKey key;
                try {
                    key = Ed25519VerificationKey.decode(encodedKey);
                } catch (RuntimeException e) {
                    throw new EraReaderAdapterBuilderException(
                            "era reader adapter parameters parse error: " + e.getMessage(), e);
                }
                yield new EraReaderCardanoChainAdapter(address, chainObserver, key);
            }
            case FILE -> new EraReaderFileAdapter(Path.of(requiredText(parse(params), "markers_file")));
            case DUMMY -> {
                JsonNode p = parse(params);
                try {
                    yield new EraReaderDummyAdapter(EraMarkersJson.markers(p.get("markers")));
                } catch (IllegalArgumentException e) {
                    throw new EraReaderAdapterBuilderException(
                            "era reader adapter parameters parse error: " + e.getMessage(), e);
                }
            }
        };
    }

    private static JsonNode parse(Optional<String> params) {
        String text = params.orElseThrow(
                () -> new EraReaderAdapterBuilderException("era reader adapter parameters are missing", null));
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
            return node;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EraReaderAdapterBuilderException(
                    "era reader adapter parameters parse error: " + e.getMessage(), e);
        }
    }

    private static String requiredText(JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.isTextual())
            throw new EraReaderAdapterBuilderException(
                    "era reader adapter parameters parse error: missing field `" + field + "`", null);
        return v.asText();
    }
}
