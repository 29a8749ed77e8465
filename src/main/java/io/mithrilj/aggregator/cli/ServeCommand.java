package io.mithrilj.aggregator.cli;

import io.mithrilj.aggregator.config.ResolvedSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the aggregator (API, runtime, metrics). The only command that opens ports. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the aggregator: HTTP API, runtime and metrics server.")
public final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--server-ip", description = "Listening IP (SERVER_IP)")
    String serverIp;

    @Option(names = "--server-port", description = "Listening port (SERVER_PORT)")
    String serverPort;

    @Option(names = "--snapshot-directory", description = "Snapshot directory (SNAPSHOT_DIRECTORY)")
    String snapshotDirectory;

    @Option(names = "--disable-digests-cache", description = "Accepted for compatibility")
    boolean disableDigestsCache;

    @Option(names = "--reset-digests-cache", description = "Clear the digests cache at start-up")
    boolean resetDigestsCache;

    @Option(names = "--allow-unparsable-block", description = "Accepted for compatibility")
    boolean allowUnparsableBlock;

    @Option(names = "--enable-metrics-server", description = "Serve Prometheus metrics (ENABLE_METRICS_SERVER)")
    boolean enableMetricsServer;

    @Option(names = "--metrics-server-ip", description = "Metrics server IP (METRICS_SERVER_IP)")
    String metricsServerIp;

    @Option(names = "--metrics-server-port", description = "Metrics server port (METRICS_SERVER_PORT)")
    String metricsServerPort;

    @Option(
            names = "--leader-aggregator-endpoint",
            description = "Leader endpoint: run as a follower (LEADER_AGGREGATOR_ENDPOINT)")
    String leaderAggregatorEndpoint;

    /** Flags over the settings, the settings check, then the service until it stops; the exit code. */
    @Override
    public Integer call() {
        root.applyGlobalOptions();
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
        return QuarkusLauncher.checkedSettings(spec.commandLine().getErr())
                .map(QuarkusLauncher::serve)
                .orElse(1);
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
