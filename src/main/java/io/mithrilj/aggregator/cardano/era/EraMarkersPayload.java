package io.mithrilj.aggregator.cardano.era;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mithrilj.aggregator.crypto.CodecException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519Signature;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519SigningKey;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationException;
import io.mithrilj.aggregator.crypto.ed25519.Ed25519VerificationKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The signed era markers written on chain (upstream {@code EraMarkersPayloadCardanoChain}):
 * {@code {"markers":[…],"signature":"<bytes-hex>"}}, the signature being Ed25519 over the compact JSON of
 * the markers array. Travels as json-hex.
 */
public record EraMarkersPayload(List<EraMarker> markers, Optional<Ed25519Signature> signature) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public EraMarkersPayload {
        markers = List.copyOf(markers);
    }

    /** The bytes the signature covers: the markers array as serde writes it. */
    public byte[] signedBytes() {
        return markers.stream()
                .map(EraMarker::toJson)
                .collect(Collectors.joining(",", "[", "]"))
                .getBytes(StandardCharsets.UTF_8);
    }

    public EraMarkersPayload sign(Ed25519SigningKey key) {
        return new EraMarkersPayload(markers, Optional.of(key.sign(signedBytes())));
    }

    /** Strict Ed25519 verification; a missing signature is an error, as upstream. */
    public void verify(Ed25519VerificationKey key) {
        Ed25519Signature sig = signature.orElseThrow(
                () -> new IllegalStateException("could not verify signature: signature is missing"));
        try {
            key.verify(signedBytes(), sig);
        } catch (Ed25519VerificationException e) {
            throw new IllegalStateException("era markers payload could not verify signature: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        return "{\"markers\":" + new String(signedBytes(), StandardCharsets.UTF_8) + ",\"signature\":"
                + signature.map(s -> "\"" + s.toBytesHex() + "\"").orElse("null") + "}";
    }

    public String toJsonHex() {
        return HexFormat.of().formatHex(toJson().getBytes(StandardCharsets.UTF_8));
    }

    public static EraMarkersPayload fromJsonHex(String jsonHex) {
        try {
            JsonNode root = MAPPER.readTree(HexFormat.of().parseHex(jsonHex.trim()));
            if (root == null || !root.path("markers").isArray())
                throw new IllegalArgumentException("era markers payload has no markers array");
            List<EraMarker> markers = new ArrayList<>();
            for (JsonNode m : root.path("markers")) {
                JsonNode epoch = m.path("epoch");
                markers.add(new EraMarker(
                        m.path("name").asText(),
                        epoch.isNull() || epoch.isMissingNode()
                                ? OptionalLong.empty()
                                : OptionalLong.of(epoch.asLong())));
            }
            JsonNode sig = root.path("signature");
            return new EraMarkersPayload(
                    markers, sig.isTextual() ? Optional.of(Ed25519Signature.decode(sig.asText())) : Optional.empty());
        } catch (IOException | IllegalArgumentException | CodecException e) {
            throw new IllegalArgumentException(
                    "era markers payload could not be decoded from json hex: " + e.getMessage(), e);
        }
    }

    /**
     * The markers of {@code era generate-tx-datum}: the supported eras in order, the first at
     * {@code currentEraEpoch}, the second at {@code nextEraEpoch} (unknown when absent).
     */
    public static EraMarkersPayload forEras(long currentEraEpoch, OptionalLong nextEraEpoch) {
        if (nextEraEpoch.isPresent() && Long.compareUnsigned(nextEraEpoch.getAsLong(), currentEraEpoch) <= 0) {
            throw new IllegalArgumentException("next era epoch must be strictly greater than the current era epoch");
        }
        return new EraMarkersPayload(
                List.of(
                        new EraMarker(EraMarker.SUPPORTED_ERAS.get(0), OptionalLong.of(currentEraEpoch)),
                        new EraMarker(EraMarker.SUPPORTED_ERAS.get(1), nextEraEpoch)),
                Optional.empty());
    }
}
