package io.mithrilj.aggregator.cli;

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

    /** The options as parsed. */
    ServeOptions options() {
        return new ServeOptions(
                serverIp,
                serverPort,
                snapshotDirectory,
                disableDigestsCache,
                resetDigestsCache,
                allowUnparsableBlock,
                enableMetricsServer,
                metricsServerIp,
                metricsServerPort,
                leaderAggregatorEndpoint);
    }

    @Override
    public Integer call() {
        return options().serve(root.options(), spec.commandLine().getErr());
    }
}
