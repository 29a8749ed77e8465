package io.mithrilj.aggregator.registration;

/** Rust's {@code Debug} form of a {@code String}, as upstream's error texts embed it. */
final class RustDebug {
    private RustDebug() {}

    /**
     * The quoted, escaped text: {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \0};
     * other control characters as a backslash, {@code u} and the code in hex between braces; everything
     * else as is.
     */
    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
