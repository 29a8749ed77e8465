package io.mithrilj.aggregator.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build stamped into the jar ({@code mithril-aggregator-version.properties}): the version the CLI
 * prints, the API reports ({@code aggregator_node_version}) and the stores record at each start.
 */
public final class BuildInfo {

    private static final String VERSION = read();

    private BuildInfo() {}

    /** The aggregator's version, e.g. {@code 0.1.0}; {@code unknown} when the build did not stamp it. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/mithril-aggregator-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
