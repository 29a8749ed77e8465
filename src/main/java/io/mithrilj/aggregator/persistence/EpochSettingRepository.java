package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Table {@code epoch_setting}: protocol parameters and CTx signing configuration per epoch, as JSON text. Each
 * method also comes taking the {@link SqlClient} it runs on (a transaction of {@link Stores}).
 */
@ApplicationScoped
public class EpochSettingRepository {

    /** One row: JSON texts as stored ({@code cardanoTransactionsSigningConfig} may be null). */
    public record StoredEpochSetting(long epoch, String protocolParameters, String cardanoTransactionsSigningConfig) {}

    private final Pool pool;

    EpochSettingRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert or replace the settings of an epoch. */
    public Uni<Void> save(long epoch, String protocolParametersJson, String signingConfigJsonOrNull) {
        return save(pool, epoch, protocolParametersJson, signingConfigJsonOrNull);
    }

    public Uni<Void> save(SqlClient on, long epoch, String protocolParametersJson, String signingConfigJsonOrNull) {
        return on.preparedQuery("""
                insert into epoch_setting (epoch_setting_id, protocol_parameters, cardano_transactions_signing_config)
                values ($1, $2, $3) on conflict (epoch_setting_id) do update
                set protocol_parameters = excluded.protocol_parameters,
                    cardano_transactions_signing_config = excluded.cardano_transactions_signing_config""")
                .execute(Tuple.of(epoch, protocolParametersJson, signingConfigJsonOrNull))
                .replaceWithVoid();
    }

    /** Insert the settings of an epoch unless present (upstream's epoch service write). */
    public Uni<Void> saveIfAbsent(long epoch, String protocolParametersJson, String signingConfigJsonOrNull) {
        return saveIfAbsent(pool, epoch, protocolParametersJson, signingConfigJsonOrNull);
    }

    public Uni<Void> saveIfAbsent(
            SqlClient on, long epoch, String protocolParametersJson, String signingConfigJsonOrNull) {
        return on.preparedQuery("""
                insert into epoch_setting (epoch_setting_id, protocol_parameters, cardano_transactions_signing_config)
                values ($1, $2, $3) on conflict (epoch_setting_id) do nothing""")
                .execute(Tuple.of(epoch, protocolParametersJson, signingConfigJsonOrNull))
                .replaceWithVoid();
    }

    public Uni<Optional<StoredEpochSetting>> find(long epoch) {
        return find(pool, epoch);
    }

    public Uni<Optional<StoredEpochSetting>> find(SqlClient on, long epoch) {
        return on.preparedQuery(
                        "select epoch_setting_id, protocol_parameters, cardano_transactions_signing_config from epoch_setting where epoch_setting_id = $1")
                .execute(Tuple.of(epoch))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(map(rows.iterator().next())));
    }

    /** Highest stored epoch. */
    public Uni<Optional<Long>> maxEpoch() {
        return maxEpoch(pool);
    }

    public Uni<Optional<Long>> maxEpoch(SqlClient on) {
        return on.query("select max(epoch_setting_id) from epoch_setting")
                .execute()
                .map(rows -> Optional.ofNullable(rows.iterator().next().getLong(0)));
    }

    private static StoredEpochSetting map(Row row) {
        return new StoredEpochSetting(row.getLong(0), row.getString(1), row.getString(2));
    }

    /** Upkeep: the settings of epochs before {@code epoch}. */
    public Uni<Integer> deleteBefore(long epoch) {
        return pool.preparedQuery("delete from epoch_setting where epoch_setting_id < $1")
                .execute(Tuple.of(epoch))
                .map(rows -> rows.rowCount());
    }
}
