package io.mithrilj.aggregator.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.mithrilj.aggregator.protocol.json.MessageJson;
import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Developer tool: imports upstream's {@code aggregator-fake-data} (certificates, artifacts, epoch settings
 * and their signers) into the stores of a running {@code serve}, through the repositories, oldest first.
 * Used by {@code bench/api-wrk.sh}; a test-side tool, not part of the service.
 *
 * <pre>java -cp 'target/test-classes:target/quarkus-app/app/*:target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*' \
 *     io.mithrilj.aggregator.persistence.FixtureImport &lt;data_stores_directory&gt; &lt;aggregator-fake-data dir&gt;</pre>
 */
public final class FixtureImport {

    private static final Duration T = Duration.ofSeconds(60);

    private FixtureImport() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FixtureImport <data_stores_directory> <aggregator-fake-data directory>");
            System.exit(2);
        }
        Path fixtures = Path.of(args[1]);
        try (EmbeddedDatabase database = EmbeddedDatabase.startIn(Path.of(args[0]))) {
            Vertx vertx = Vertx.vertx();
            Pool pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(2))
                    .connectingTo(new PgConnectOptions()
                            .setHost("127.0.0.1")
                            .setPort(database.port())
                            .setDatabase(EmbeddedDatabase.DATABASE)
                            .setUser(EmbeddedDatabase.USER)
                            .setPassword(database.jdbcTarget().password()))
                    .using(vertx)
                    .build();
            try {
                importAll(pool, fixtures);
            } finally {
                pool.closeAndAwait();
                vertx.closeAndAwait();
            }
        }
    }

    static void importAll(Pool pool, Path dir) throws IOException {
        CertificateRepository certificates = new CertificateRepository(pool, new StoreChanges());
        SignedEntityRepository artifacts = new SignedEntityRepository(pool, new StoreChanges());
        int n = 0;
        for (String c : oldestFirst(
                dir.resolve("certificates.json"), m -> m.get("metadata").get("sealed_at"))) {
            certificates.save(c).await().atMost(T);
            n++;
        }
        String[][] files = {
            {"mithril-stake-distributions.json", "MITHRIL_STAKE_DISTRIBUTION"},
            {"cardano-stake-distributions.json", "CARDANO_STAKE_DISTRIBUTION"},
            {"snapshots.json", "CARDANO_IMMUTABLE_FILES_FULL"},
            {"cardano-databases.json", "CARDANO_DATABASE"},
            {"ctx-snapshots.json", "CARDANO_TRANSACTIONS"}
        };
        int a = 0;
        for (String[] f : files) {
            for (String artifact : oldestFirst(dir.resolve(f[0]), m -> m.get("created_at"))) {
                artifacts.save(SignedEntityKind.valueOf(f[1]), artifact).await().atMost(T);
                a++;
            }
        }
        JsonNode settings = MessageJson.parse(Files.readString(dir.resolve("epoch-settings.json")));
        long epoch = settings.get("epoch").asLong();
        EpochSettingRepository epochSettings = new EpochSettingRepository(pool);
        String params = MessageJson.write(settings.get("signer_registration_protocol"));
        String signing = settings.has("cardano_transactions_signing_config")
                ? MessageJson.write(settings.get("cardano_transactions_signing_config"))
                : null;
        for (long e = epoch - 1; e <= epoch + 1; e++)
            epochSettings.saveIfAbsent(e, params, signing).await().atMost(T);
        SignerRepository signers = new SignerRepository(pool);
        registrations(signers, settings.get("current_signers"), epoch - 1);
        registrations(signers, settings.get("next_signers"), epoch);
        System.out.printf(
                "Imported %d certificates, %d artifacts, epoch settings %d..%d%n", n, a, epoch - 1, epoch + 1);
    }

    /** Registrations without stake information in the fixture: stake 0. Stored reversed (ROWID descending reads). */
    private static void registrations(SignerRepository signers, JsonNode list, long epoch) {
        List<JsonNode> reversed = new ArrayList<>();
        list.forEach(reversed::addFirst);
        for (JsonNode s : reversed) {
            String party = s.get("party_id").asText();
            signers.saveSigner(party, null, "1970-01-01T00:00:00Z", null)
                    .await()
                    .atMost(T);
            signers.saveRegistration(new SignerRepository.StoredRegistration(
                            party,
                            epoch,
                            s.get("verification_key").asText(),
                            s.path("verification_key_signature").textValue(),
                            s.path("operational_certificate").textValue(),
                            s.hasNonNull("kes_period") ? s.get("kes_period").asLong() : null,
                            BigInteger.ZERO,
                            "1970-01-01T00:00:00Z"))
                    .await()
                    .atMost(T);
        }
    }

    private static List<String> oldestFirst(Path file, Function<JsonNode, JsonNode> timestamp) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        MessageJson.parse(Files.readString(file)).forEach(nodes::add);
        nodes.sort(Comparator.comparingLong(
                m -> MessageJson.epochNanos(timestamp.apply(m).asText())));
        return nodes.stream().map(MessageJson::write).toList();
    }
}
