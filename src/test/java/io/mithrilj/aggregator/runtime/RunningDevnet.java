package io.mithrilj.aggregator.runtime;

import io.mithrilj.aggregator.devnet.DevnetSigners;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A devnet runtime in a {@code @QuarkusTest}: short epochs, a fast cycle, its own stores directory. The test database
 * is shared with the API tests, which seed it: {@link #start} empties it before the runtime and the signers start,
 * {@link #stop} stops them and empties it again.
 */
public final class RunningDevnet {
    private RunningDevnet() {}

    static final String TABLES = "certificate, signed_entity, epoch_setting, signer, signer_registration, stake_pool,"
            + " immutable_file_digest, open_message, single_signature, buffered_single_signature";

    /** The settings of a devnet with epochs of {@code seconds} s. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path stores = Files.createTempDirectory(Path.of("target"), "devnet-stores-");
                return Map.of(
                        "mithril.devnet-epoch-length-seconds", "8",
                        "mithril.run-interval", "1000",
                        "mithril.devnet-signers", "5",
                        "mithril.signed-entity-types", "CardanoStakeDistribution",
                        "mithril.data-stores-directory", stores.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A devnet that also certifies both Cardano database types, its archives published by the local uploader at a
     * fixed port (the artifacts' download locations name it).
     */
    public static class CardanoDbProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path stores = Files.createTempDirectory(Path.of("target"), "devnet-cdb-stores-")
                        .toAbsolutePath();
                int port;
                try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                return Map.of(
                        // 5 s per immutable file: time for both types' certificates at each one
                        "mithril.devnet-epoch-length-seconds", "15",
                        "mithril.run-interval", "1000",
                        "mithril.devnet-signers", "5",
                        "mithril.signed-entity-types", "CardanoImmutableFilesFull,CardanoDatabase",
                        "mithril.data-stores-directory", stores.toString(),
                        "mithril.snapshot-directory",
                                stores.resolve("snapshots").toString(),
                        "mithril.snapshot-uploader-type", "local",
                        // the API suite's resource sets upstream's key: the devnet signs with its genesis key instead
                        "mithril.ancillary-files-signer-config", "",
                        "mithril.public-server-url", "http://127.0.0.1:" + port + "/aggregator/",
                        "quarkus.http.test-port", Integer.toString(port));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void start(Pool pool, RuntimeCycle runtime, DevnetSigners signers) {
        truncate(pool);
        runtime.schedule();
        signers.schedule();
    }

    public static void stop(Pool pool, RuntimeCycle runtime, DevnetSigners signers) throws InterruptedException {
        signers.unschedule();
        runtime.unschedule();
        Thread.sleep(1_000); // a cycle under way ends
        truncate(pool);
    }

    static void truncate(Pool pool) {
        pool.query("truncate " + TABLES).execute().await().atMost(Duration.ofSeconds(30));
    }
}
