package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

    @Test
    void theListedScriptsAreExactlyTheFilesOfTheMigrationDirectory() throws IOException {
        Path directory = Path.of("src/main/resources", DatabaseMigrations.LOCATION);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(DatabaseMigrations.SCRIPTS)
                    .as("DatabaseMigrations.SCRIPTS must list every script of %s, in version order", directory)
                    .containsExactlyElementsOf(files.map(p -> p.getFileName().toString())
                            .sorted((a, b) -> Integer.compare(version(a), version(b)))
                            .toList());
        }
    }

    @Test
    void everyListedScriptIsOnTheClassPath() {
        for (String script : DatabaseMigrations.SCRIPTS) {
            assertThat(getClass().getClassLoader().getResource(DatabaseMigrations.LOCATION + "/" + script))
                    .as(script)
                    .isNotNull();
        }
    }

    @Test
    void reactiveUrlsBecomeJdbcUrls() {
        assertThat(SchemaMigrator.jdbcUrlOf("postgresql://127.0.0.1:5432/postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(SchemaMigrator.jdbcUrlOf("vertx-reactive:postgresql://db:5433/mithril?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5433/mithril?sslmode=require");
        assertThat(SchemaMigrator.jdbcUrlOf("postgres://db/mithril")).isEqualTo("jdbc:postgresql://db/mithril");
    }

    private static int version(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }
}
