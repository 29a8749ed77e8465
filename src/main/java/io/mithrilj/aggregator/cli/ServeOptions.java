package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.ResolvedSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The options of {@code serve}, as read by picocli ({@link ServeCommand}) or by its fast path ({@link
 * ServeFastPath}), and what {@code serve} does with them.
 */
record ServeOptions(
        String serverIp,
        String serverPort,
        String snapshotDirectory,
        boolean disableDigestsCache,
        boolean resetDigestsCache,
        boolean allowUnparsableBlock,
        boolean enableMetricsServer,
        String metricsServerIp,
        String metricsServerPort,
        String leaderAggregatorEndpoint) {

    static ServeOptions none() {
        return new ServeOptions(null, null, null, false, false, false, false, null, null, null);
    }

    /** Flags over the settings, the settings check, then the service until it stops; the exit code. */
    int serve(GlobalOptions global, PrintWriter err) {
        global.apply();
        flag("server_ip", serverIp);
        flag("server_port", serverPort);
        flag("snapshot_directory", snapshotDirectory);
        flag("metrics_server_ip", metricsServerIp);
        flag("metrics_server_port", metricsServerPort);
        flag("leader_aggregator_endpoint", leaderAggregatorEndpoint);
        // boolean flags can only switch a setting on, as upstream's
        if (disableDigestsCache) flag("disable_digests_cache", "true");
        if (resetDigestsCache) flag("reset_digests_cache", "true");
        if (allowUnparsableBlock) flag("allow_unparsable_block", "true");
        if (enableMetricsServer) flag("enable_metrics_server", "true");
        if (Boolean.getBoolean(AotTrainingRun.PROPERTY)) {
            // the build's AOT training run: loopback only, free ports, metrics server on
            flag("server_ip", "127.0.0.1");
            flag("server_port", freePort());
            flag("enable_metrics_server", "true");
            flag("metrics_server_ip", "127.0.0.1");
            flag("metrics_server_port", freePort());
        }
        return QuarkusLauncher.checkedSettings(err).map(QuarkusLauncher::serve).orElse(1);
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the AOT training run", e);
        }
    }

    private static void flag(String key, String value) {
        if (value != null) System.setProperty(ResolvedSettings.FLAG_PREFIX + key, value);
    }
}
