package io.mithrilj.aggregator.protocol.json;

import java.math.BigDecimal;

/**
 * Formats a {@code double} as serde_json 1.0.149 does (through the {@code zmij} crate 1.0.14 used by
 * upstream 2603.1): shortest round-trip digits; plain notation when the decimal exponent is in
 * [-5, 15] (always with a fractional part, e.g. {@code 1.0}, {@code 0.00001}); otherwise scientific
 * with an explicit exponent sign and no padding ({@code 1e-7}, {@code 1.5e+16}).
 */
public final class SerdeJsonFloat {
    private SerdeJsonFloat() {}

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return "null"; // serde_json writes non-finite floats as null
        }
        StringBuilder out = new StringBuilder(24);
        if (Double.doubleToRawLongBits(value) < 0) {
            out.append('-');
            value = -value;
        }
        if (value == 0.0) {
            return out.append("0.0").toString();
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().toString();
        int length = digits.length();
        int decExp = length - 1 - shortest.scale(); // value = d.ddd * 10^decExp
        if (decExp >= -5 && decExp <= 15) {
            if (length - 1 <= decExp) {
                out.append(digits).append("0".repeat(decExp - (length - 1))).append(".0");
            } else if (decExp >= 0) {
                out.append(digits, 0, decExp + 1).append('.').append(digits, decExp + 1, length);
            } else {
                out.append("0.").append("0".repeat(-decExp - 1)).append(digits);
            }
            return out.toString();
        }
        out.append(digits.charAt(0));
        if (length > 1) {
            out.append('.').append(digits, 1, length);
        }
        out.append('e').append(decExp >= 0 ? '+' : '-').append(Math.abs(decExp));
        return out.toString();
    }

    /**
     * The shortest decimal that parses back to {@code value} (closest when several). Java's
     * {@link Double#toString} is shortest except that it may print two digits where one suffices
     * (e.g. {@code 4.9E-324} for {@code 5e-324}); a one-digit candidate is tried in that case.
     */
    static BigDecimal shortest(double positive) {
        BigDecimal java = new BigDecimal(Double.toString(positive)).stripTrailingZeros();
        if (java.precision() == 2) {
            BigDecimal exact = new BigDecimal(positive);
            int decExp = java.precision() - 1 - java.scale();
            BigDecimal best = null;
            BigDecimal bestDistance = null;
            for (int lead = 1; lead <= 10; lead++) {
                BigDecimal candidate = BigDecimal.valueOf(lead).scaleByPowerOfTen(decExp);
                if (Double.parseDouble(candidate.toString()) == positive) {
                    BigDecimal distance = candidate.subtract(exact).abs();
                    if (best == null || distance.compareTo(bestDistance) < 0) {
                        best = candidate;
                        bestDistance = distance;
                    }
                }
            }
            if (best != null) {
                return best.stripTrailingZeros();
            }
        }
        return java;
    }
}
