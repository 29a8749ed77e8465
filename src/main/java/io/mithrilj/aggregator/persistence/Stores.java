package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * The unit of work over the repositories (upstream's stores sharing one SQLite connection): several writes,
 * e.g. "store the certificate, mark the open message certified, store the artifact" or an epoch transition,
 * run on one {@link SqlConnection} in one transaction, committed together or not at all. Every repository
 * method takes the {@link SqlClient} it runs on; plain reads and single writes use {@link #pool()}.
 */
@ApplicationScoped
public class Stores {

    private final Pool pool;
    private final StoreChanges changes;

    Stores(Pool pool, StoreChanges changes) {
        this.pool = pool;
        this.changes = changes;
    }

    /**
     * Run {@code work} in a transaction: committed when its {@link Uni} succeeds, rolled back when it fails.
     * The read caches see a new generation after the commit (not before: a read between a write and its
     * commit would load, and could keep, the old value).
     */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).invoke(changes::changed);
    }

    /** The pool, for reads and for single writes (each statement its own transaction). */
    public Pool pool() {
        return pool;
    }
}
