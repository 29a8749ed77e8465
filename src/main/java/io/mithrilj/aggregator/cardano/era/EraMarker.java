package io.mithrilj.aggregator.cardano.era;

import java.util.List;
import java.util.OptionalLong;

/**
 * One era marker (upstream {@code EraMarker}): an era name and the epoch it starts at, unknown for a
 * planned era. JSON {@code {"name":…,"epoch":…|null}}, keys in that order.
 */
public record EraMarker(String name, OptionalLong epoch) {

    /** The Mithril eras supported by this node, in order (upstream {@code SupportedEra::eras()}). */
    public static final List<String> SUPPORTED_ERAS = List.of("pythagoras", "lagrange");

    String toJson() {
        return "{\"name\":" + jsonString(name) + ",\"epoch\":"
                + (epoch.isPresent() ? Long.toUnsignedString(epoch.getAsLong()) : "null") + "}";
    }

    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
