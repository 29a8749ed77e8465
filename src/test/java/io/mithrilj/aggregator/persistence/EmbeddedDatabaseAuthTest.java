package io.mithrilj.aggregator.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL lets in only who has the password, and the service is no superuser. */
class EmbeddedDatabaseAuthTest {

    private static Connection connect(int port, String user, String passwordOrNull) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (passwordOrNull != null) p.setProperty("password", passwordOrNull);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE, p);
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void assertRefused(int port, String user, String passwordOrNull) {
        assertThatThrownBy(() -> connect(port, user, passwordOrNull).close())
                .as("connection as %s with password %s", user, passwordOrNull == null ? "none" : "wrong")
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    @Test
    void onlyThePasswordLetsIn() throws Exception {
        Path stores = Files.createTempDirectory(Path.of("target"), "auth-stores-");
        try (EmbeddedDatabase db = EmbeddedDatabase.startIn(stores)) {
            DatabaseMigrations.JdbcTarget target = db.jdbcTarget();
            for (String file : new String[] {DatabasePasswords.SERVICE_FILE, DatabasePasswords.SUPERUSER_FILE}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stores.resolve(file))))
                        .as(file)
                        .isEqualTo("rw-------");
            }
            assertThat(target.toString()).doesNotContain(target.password());
            try (Connection service = connect(db.port(), target.user(), target.password())) {
                assertThat(one(service, "select rolsuper::text from pg_roles where rolname = current_user"))
                        .isEqualTo("false");
                assertThat(one(
                                service,
                                "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
                        .isEqualTo(EmbeddedDatabase.USER);
            }
            assertRefused(db.port(), EmbeddedDatabase.USER, null);
            assertRefused(db.port(), EmbeddedDatabase.USER, "0".repeat(64));
            assertRefused(db.port(), EmbeddedDatabase.SUPERUSER, null);
            assertRefused(db.port(), EmbeddedDatabase.SUPERUSER, target.password());

            // a second process on the same stores shares the server and reads the same password
            try (EmbeddedDatabase shared = EmbeddedDatabase.startIn(stores);
                    Connection c = connect(
                            shared.port(),
                            shared.jdbcTarget().user(),
                            shared.jdbcTarget().password())) {
                assertThat(shared.port()).isEqualTo(db.port());
                assertThat(one(c, "select 1")).isEqualTo("1");
            }
            DatabaseMigrations.migrate(target); // the service role can create the schema
        }
    }

    @Test
    void storesOfAnEarlierBuildWithoutPasswordsAreSecuredAtTheirFirstStart() throws Exception {
        Path stores = Files.createTempDirectory(Path.of("target"), "legacy-stores-");
        // what the earlier build made: initdb's trust, the schema and data owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(stores.resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
                Connection c = connect(old.getPort(), EmbeddedDatabase.SUPERUSER, null);
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('from the earlier build')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.startIn(stores)) {
            DatabaseMigrations.JdbcTarget target = db.jdbcTarget();
            try (Connection service = connect(db.port(), target.user(), target.password())) {
                assertThat(one(service, "select v from kept")).isEqualTo("from the earlier build");
                try (Statement s = service.createStatement()) {
                    s.execute("insert into kept values ('written by the service')");
                }
            }
            assertRefused(db.port(), EmbeddedDatabase.USER, null);
            assertRefused(db.port(), EmbeddedDatabase.SUPERUSER, null);
        }
        // and it starts again, secured
        try (EmbeddedDatabase db = EmbeddedDatabase.startIn(stores);
                Connection service = connect(
                        db.port(), db.jdbcTarget().user(), db.jdbcTarget().password())) {
            assertThat(one(service, "select count(*) from kept")).isEqualTo("2");
            assertRefused(db.port(), EmbeddedDatabase.SUPERUSER, null);
        }
    }
}
