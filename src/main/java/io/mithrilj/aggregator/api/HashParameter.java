package io.mithrilj.aggregator.api;

import java.util.regex.Pattern;

/**
 * Path identifiers of certificates and artifacts: a hash or digest is 64 hexadecimal characters. Upstream
 * looks any text up and answers an empty 404; here a malformed identifier gets a 400 naming the problem
 * (within openapi's {@code default} error response), an unknown well-formed one still the empty 404.
 */
final class HashParameter {

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

    private HashParameter() {}

    static String require(String name, String value) {
        if (value != null && HASH.matcher(value).matches()) return value;
        String shown = value == null ? "" : value.length() > 80 ? value.substring(0, 77) + "..." : value;
        throw ApiException.badRequest(
                "invalid_" + name, "Invalid " + name + " '" + shown + "': expected 64 hexadecimal characters");
    }
}
