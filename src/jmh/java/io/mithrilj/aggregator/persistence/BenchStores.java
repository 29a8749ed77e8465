package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The service's stores outside CDI, for the benchmarks (in this package: the repositories' constructors are package
 * private): the embedded PostgreSQL of the service in a directory of its own, the schema migrations applied, a Vert.x
 * reactive pool and the real repositories over it. No LISTEN connection (the read caches are not used here).
 */
public final class BenchStores implements AutoCloseable {

    private static final Duration T = Duration.ofSeconds(120);

    private final EmbeddedDatabase database;
    private final Vertx vertx;
    private final Pool pool;
    private final StoreChanges changes = new StoreChanges();

    private BenchStores(EmbeddedDatabase database, Vertx vertx, Pool pool) {
        this.database = database;
        this.vertx = vertx;
        this.pool = pool;
    }

    /** Starts (or joins) the embedded server of {@code storesDirectory} and migrates its schema. */
    public static BenchStores startIn(Path storesDirectory) {
        EmbeddedDatabase database = EmbeddedDatabase.startIn(storesDirectory);
        try {
            DatabaseMigrations.migrate(database.jdbcTarget());
            Vertx vertx = Vertx.vertx();
            // the service's default pool size is larger; a synchronisation uses one connection (its transaction)
            Pool pool = PgBuilder.pool()
                    .with(new PoolOptions().setMaxSize(4))
                    .connectingTo(new PgConnectOptions()
                            .setHost("127.0.0.1")
                            .setPort(database.port())
                            .setDatabase(EmbeddedDatabase.DATABASE)
                            .setUser(EmbeddedDatabase.USER)
                            .setPassword(database.jdbcTarget().password()))
                    .using(vertx)
                    .build();
            return new BenchStores(database, vertx, pool);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public CertificateRepository certificates() {
        return new CertificateRepository(pool, changes);
    }

    public OpenMessageRepository openMessages() {
        return new OpenMessageRepository(pool);
    }

    public Stores stores() {
        return new Stores(pool, changes);
    }

    /** {@link #stores()} whose transactions report how long each took, from its start to its commit or rollback. */
    public Stores storesTimingTransactions(LongConsumer elapsedNanos) {
        return new Stores(pool, changes) {
            @Override
            public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
                return Uni.createFrom().deferred(() -> {
                    long start = System.nanoTime();
                    return super.inTransaction(work).eventually(() -> elapsedNanos.accept(System.nanoTime() - start));
                });
            }
        };
    }

    /** One SQL statement on the pool, waited for. */
    public void execute(String sql) {
        pool.query(sql).execute().await().atMost(T);
    }

    /** The single number a query returns. */
    public long count(String sql) {
        return pool.query(sql).execute().await().atMost(T).iterator().next().getLong(0);
    }

    @Override
    public void close() {
        try {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        } finally {
            database.close();
        }
    }
}
