package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    /** When the stakes of an epoch were recorded (the epoch transition that recorded them); empty when none are. */
    public Uni<Optional<String>> recordedAt(long epoch) {
        return pool.preparedQuery("select min(created_at) from stake_pool where epoch = $1")
                .execute(Tuple.of(epoch))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getString(0)));
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

    /** The stake distribution recorded under an epoch (pool id order); empty when nothing is recorded for it. */
    public Uni<Optional<Map<String, Long>>> distribution(long epoch) {
        return distribution(pool, epoch);
    }

    public Uni<Optional<Map<String, Long>>> distribution(SqlClient on, long epoch) {
        return on.preparedQuery("select stake_pool_id, stake from stake_pool where epoch = $1 order by stake_pool_id")
                .execute(Tuple.of(epoch))
                .map(rows -> {
                    if (rows.size() == 0) return Optional.empty();
                    Map<String, Long> stakes = new TreeMap<>();
                    for (Row row : rows)
                        stakes.put(row.getString(0), row.getBigDecimal(1).longValueExact());
                    return Optional.of(stakes);
                });
    }

    /** Records a whole distribution under an epoch in one statement (mainnet: about 3000 pools). */
    public Uni<Void> saveAll(long epoch, Map<String, Long> stakes, String createdAt) {
        return saveAll(pool, epoch, stakes, createdAt);
    }

    public Uni<Void> saveAll(SqlClient on, long epoch, Map<String, Long> stakes, String createdAt) {
        String[] pools = stakes.keySet().toArray(String[]::new);
        Long[] values = new Long[pools.length];
        for (int i = 0; i < pools.length; i++) values[i] = stakes.get(pools[i]);
        return on.preparedQuery("""
                insert into stake_pool (stake_pool_id, epoch, stake, created_at)
                select p, $2, s, $4 from unnest($1::text[], $3::bigint[]) as t(p, s)
                on conflict (epoch, stake_pool_id) do update set stake = excluded.stake, created_at = excluded.created_at""")
                .execute(Tuple.of(pools, epoch, values, createdAt))
                .replaceWithVoid();
    }

    /** Upkeep: the stakes of epochs before {@code epoch}. */
    public Uni<Integer> deleteBefore(long epoch) {
        return pool.preparedQuery("delete from stake_pool where epoch < $1")
                .execute(Tuple.of(epoch))
                .map(rows -> rows.rowCount());
    }
}
