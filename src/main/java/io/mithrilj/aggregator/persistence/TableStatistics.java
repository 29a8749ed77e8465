package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Row counts of the main tables (operations and tests). */
@ApplicationScoped
public class TableStatistics {

    private static final Set<String> TABLES = Set.of(
            "certificate",
            "signed_entity",
            "epoch_setting",
            "signer",
            "signer_registration",
            "stake_pool",
            "immutable_file_digest",
            "open_message",
            "single_signature",
            "buffered_single_signature");

    private final Pool pool;

    TableStatistics(Pool pool) {
        this.pool = pool;
    }

    public Uni<Long> count(String table) {
        if (!TABLES.contains(table)) throw new IllegalArgumentException("unknown table " + table);
        return pool.query("select count(*) from " + table)
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
