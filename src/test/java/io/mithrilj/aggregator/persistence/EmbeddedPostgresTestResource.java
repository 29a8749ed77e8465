package io.mithrilj.aggregator.persistence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: the same embedded server as the service's default, in a
 * fresh directory under {@code target/}, started once per test JVM.
 */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    static synchronized EmbeddedDatabase database() {
        if (database == null) {
            try {
                Path stores = Files.createTempDirectory(Path.of("target"), "test-stores-");
                database = EmbeddedDatabase.startIn(stores);
                Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    @Override
    public Map<String, String> start() {
        return database().datasourceProperties();
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }
}
