package io.mithrilj.aggregator.config;

/**
 * One operator setting, named as upstream names it: {@code key} is the snake_case configuration key
 * (nested keys joined with {@code .}), read from the environment variable {@link #env()} and from the
 * run-mode JSON file.
 *
 * @param key upstream configuration key, e.g. {@code zstandard_parameters.level}
 * @param kind how the raw text is checked
 * @param defaultValue upstream's default, or {@code null} when the setting has none
 * @param secret never printed, neither in logs nor in error messages
 * @param description one line for the README table and for error messages
 */
public record Setting(String key, SettingKind kind, String defaultValue, boolean secret, String description) {

    /** The environment variable: the key upper-cased, {@code .} (nesting) written {@code __}. */
    public String env() {
        return key.toUpperCase(java.util.Locale.ROOT).replace(".", "__");
    }

    /** The property name under which Quarkus sees the resolved value, e.g. {@code mithril.server-port}. */
    public String property() {
        return "mithril." + key.replace('_', '-');
    }
}
