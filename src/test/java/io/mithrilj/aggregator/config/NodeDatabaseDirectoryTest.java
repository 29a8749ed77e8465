package io.mithrilj.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeDatabaseDirectoryTest {
    @TempDir
    Path dir;

    private String dbDirectorySet(Map<String, String> env, Map<String, String> flags) {
        return new MithrilConfigSource(ResolvedSettings.resolve(env, dir.resolve("dev.json"), flags))
                .getValue(MithrilConfigSource.DB_DIRECTORY_SET);
    }

    @Test
    void dbDirectoryCountsAsSetOnlyWhenTheOperatorGaveIt() throws IOException {
        assertThat(dbDirectorySet(Map.of(), Map.of())).isEqualTo("false");
        assertThat(dbDirectorySet(Map.of("DB_DIRECTORY", "/db"), Map.of())).isEqualTo("true");
        assertThat(dbDirectorySet(Map.of(), Map.of("db_directory", "/data/db"))).isEqualTo("true");
        Files.writeString(dir.resolve("dev.json"), "{\"db_directory\":\"/srv/db\"}");
        assertThat(dbDirectorySet(Map.of(), Map.of())).isEqualTo("true");
    }

    @Test
    void theDevnetKeepsItsDatabaseUnderTheStoresUnlessDbDirectoryIsSet() {
        assertThat(NodeDatabaseDirectory.resolve("fake", false, "/db", "./stores"))
                .isEqualTo(Path.of("./stores", "devnet-db"));
        assertThat(NodeDatabaseDirectory.resolve("fake", true, "/db", "./stores"))
                .isEqualTo(Path.of("/db"));
        assertThat(NodeDatabaseDirectory.resolve("pallas", false, "/db", "./stores"))
                .isEqualTo(Path.of("/db"));
        assertThat(NodeDatabaseDirectory.resolve("cardano-cli", true, "/mnt/node/db", "./stores"))
                .isEqualTo(Path.of("/mnt/node/db"));
    }
}
