package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
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
