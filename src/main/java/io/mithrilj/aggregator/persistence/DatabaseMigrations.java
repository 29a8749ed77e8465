package io.mithrilj.aggregator.persistence;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The schema migrations (Flyway, SQL scripts under {@code db/migration}), applied over JDBC.
 *
 * <p>The launcher starts them in the background as soon as the database answers, so they run while Quarkus
 * boots; the first start-up observer ({@link SchemaMigrator}) waits for the result, or applies them itself
 * when nothing was launched (tests). The scripts are listed in {@link #SCRIPTS} rather than found by a class
 * path scan: no scan at start-up, and the same list works in a native executable (a test checks that it
 * names exactly the files of the directory).
 */
public final class DatabaseMigrations {

    /** Where the scripts are, on the class path. */
    public static final String LOCATION = "db/migration";

    /** Every script of {@link #LOCATION}, in version order. */
    public static final List<String> SCRIPTS = List.of(
            "V1__service_start.sql",
            "V2__aggregator_main_tables.sql",
            "V3__store_change_notifications.sql",
            "V4__certifier_store_order.sql",
            "V5__event_store.sql",
            "V6__large_messages_uncompressed.sql",
            "V7__artifact_parts.sql");

    /** A JDBC location of the database; the password is kept out of {@link #toString()}. */
    public record JdbcTarget(String url, String user, String password) {
        @Override
        public String toString() {
            return url + " (user " + user + ")";
        }
    }

    /** What a migration did: the schema version it left, and how many scripts it applied. */
    public record Outcome(String version, int applied) {
        @Override
        public String toString() {
            return "version " + version + " (" + applied + " migrations applied)";
        }
    }

    private DatabaseMigrations() {}

    /**
     * Start the migrations on a virtual thread; the target supplier may wait (for the embedded server).
     * The future gives the outcome, or the failure.
     */
    public static CompletableFuture<Outcome> launchInBackground(Supplier<JdbcTarget> target) {
        CompletableFuture<Outcome> future = new CompletableFuture<>();
        Thread.ofVirtual().name("schema-migration").start(() -> {
            try {
                future.complete(migrate(target.get()));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** Apply the pending migrations to a database, now. */
    public static Outcome migrate(JdbcTarget target) {
        try {
            return migrateOrThrow(target);
        } catch (RuntimeException e) {
            throw new StoresUnavailable(
                    "cannot migrate the database schema at " + target + ": " + StoresUnavailable.reason(e), e);
        }
    }

    private static Outcome migrateOrThrow(JdbcTarget target) {
        Flyway flyway = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(target.url(), target.user(), target.password())
                .resourceProvider(new ListedScripts())
                .locations("classpath:" + LOCATION)
                .cleanDisabled(true)
                .load();
        MigrateResult result = flyway.migrate();
        // Flyway gives no target version when nothing was applied: the schema stayed where it was
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Outcome(version, result.migrationsExecuted);
    }

    /** The scripts of {@link #SCRIPTS}, read from the class path. */
    private static final class ListedScripts implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            String file = name.startsWith(LOCATION + "/") ? name.substring(LOCATION.length() + 1) : name;
            return SCRIPTS.contains(file) ? new Script(file) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return SCRIPTS.stream()
                    .filter(file -> file.startsWith(prefix))
                    .filter(file -> Arrays.stream(suffixes).anyMatch(file::endsWith))
                    .<LoadableResource>map(Script::new)
                    .toList();
        }
    }

    private static final class Script extends LoadableResource {
        private final String file;

        Script(String file) {
            this.file = file;
        }

        @Override
        public Reader read() {
            InputStream in = DatabaseMigrations.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new UncheckedIOException(new java.io.FileNotFoundException(
                        "migration script " + getAbsolutePath() + " missing from the class path"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}
