package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Table {@code stake_pool}: the Cardano stake distribution recorded per epoch. Each method also comes taking
 * the {@link SqlClient} it runs on (a transaction of {@link Stores}).
 */
@ApplicationScoped
public class StakePoolRepository {

    /** Count and total stake of the pools of an epoch. */
    public record Totals(long pools, BigInteger stake) {}

    private final Pool pool;

    StakePoolRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert or replace the stake of a pool at an epoch. */
    public Uni<Void> save(long epoch, String poolId, BigInteger stake, String createdAt) {
        return save(pool, epoch, poolId, stake, createdAt);
    }

    public Uni<Void> save(SqlClient on, long epoch, String poolId, BigInteger stake, String createdAt) {
        return on.preparedQuery("""
                insert into stake_pool (stake_pool_id, epoch, stake, created_at) values ($1, $2, $3, $4)
                on conflict (epoch, stake_pool_id) do update set stake = excluded.stake, created_at = excluded.created_at""")
                .execute(Tuple.of(poolId, epoch, new BigDecimal(stake), createdAt))
                .replaceWithVoid();
    }

    /** Totals of an epoch; empty when nothing is recorded for it. */
    public Uni<Optional<Totals>> totals(long epoch) {
        return totals(pool, epoch);
    }

    public Uni<Optional<Totals>> totals(SqlClient on, long epoch) {
        return on.preparedQuery("select count(*), sum(stake) from stake_pool where epoch = $1")
                .execute(Tuple.of(epoch))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long count = row.getLong(0);
                    BigDecimal sum = row.getBigDecimal(1);
                    return count == 0 ? Optional.empty() : Optional.of(new Totals(count, sum.toBigIntegerExact()));
                });
    }
}
