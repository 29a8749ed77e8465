package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Table {@code immutable_file_digest}: digest cache of the Cardano immutable files. Each method also comes
 * taking the {@link SqlClient} it runs on (a transaction of {@link Stores}).
 */
@ApplicationScoped
public class ImmutableFileDigestRepository {

    private final Pool pool;

    ImmutableFileDigestRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(String immutableFileName, String digest) {
        return save(pool, immutableFileName, digest);
    }

    public Uni<Void> save(SqlClient on, String immutableFileName, String digest) {
        return on.preparedQuery("""
                insert into immutable_file_digest (immutable_file_name, digest) values ($1, $2)
                on conflict (immutable_file_name) do update set digest = excluded.digest""")
                .execute(Tuple.of(immutableFileName, digest))
                .replaceWithVoid();
    }

    /** The cached digests of those of {@code fileNames} that are stored (absent names are misses). */
    public Uni<Map<String, String>> find(Collection<String> fileNames) {
        if (fileNames.isEmpty()) return Uni.createFrom().item(Map.of());
        return pool.preparedQuery(
                        "select immutable_file_name, digest from immutable_file_digest where immutable_file_name = any($1)")
                .execute(Tuple.of(fileNames.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    for (Row row : rows) out.put(row.getString(0), row.getString(1));
                    return out;
                });
    }

    /** Records digests, keyed by file name, in one statement (a digest already stored is replaced). */
    public Uni<Void> saveAll(Map<String, String> digests) {
        if (digests.isEmpty()) return Uni.createFrom().voidItem();
        String[] names = digests.keySet().toArray(String[]::new);
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) values[i] = digests.get(names[i]);
        return pool.preparedQuery("""
                insert into immutable_file_digest (immutable_file_name, digest)
                select * from unnest($1::text[], $2::text[])
                on conflict (immutable_file_name) do update set digest = excluded.digest""").execute(Tuple.of(names, values)).replaceWithVoid();
    }

    /** Empties the cache (RESET_DIGESTS_CACHE); the number of digests removed. */
    public Uni<Integer> deleteAll() {
        return pool.query("delete from immutable_file_digest").execute().map(rows -> rows.rowCount());
    }

    /** Every digest by file name, in file name order (upstream's BTreeMap). */
    public Uni<Map<String, String>> all() {
        return all(pool);
    }

    public Uni<Map<String, String>> all(SqlClient on) {
        return on.query(
                        "select immutable_file_name, digest from immutable_file_digest order by immutable_file_name collate \"C\"")
                .execute()
                .map(rows -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (Row row : rows) out.put(row.getString(0), row.getString(1));
                    return out;
                });
    }
}
