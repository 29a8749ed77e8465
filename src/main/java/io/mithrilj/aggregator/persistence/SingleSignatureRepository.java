package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Table {@code single_signature}: the single signatures registered against an open message. */
@ApplicationScoped
public class SingleSignatureRepository {

    /** One row: lottery indexes as a JSON array text, signature json-hex. */
    public record StoredSingleSignature(
            UUID openMessageId,
            String signerId,
            long registrationEpoch,
            String lotteryIndexes,
            String signature,
            String createdAt) {}

    private final Pool pool;

    SingleSignatureRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert or replace (a signer's newer signature of the same open message replaces the older). */
    public Uni<Void> save(StoredSingleSignature s) {
        return save(pool, s);
    }

    public Uni<Void> save(SqlClient on, StoredSingleSignature s) {
        return on.preparedQuery("""
                insert into single_signature (open_message_id, signer_id, registration_epoch_setting_id, lottery_indexes,
                    signature, created_at) values ($1, $2, $3, $4, $5, $6)
                on conflict (open_message_id, signer_id, registration_epoch_setting_id) do update
                set lottery_indexes = excluded.lottery_indexes, signature = excluded.signature,
                    created_at = excluded.created_at""")
                .execute(Tuple.of(
                        s.openMessageId(),
                        s.signerId(),
                        s.registrationEpoch(),
                        s.lotteryIndexes(),
                        s.signature(),
                        s.createdAt()))
                .replaceWithVoid();
    }

    /** The signatures of an open message, in the order they were stored. */
    public Uni<List<StoredSingleSignature>> forOpenMessage(UUID openMessageId) {
        return pool.preparedQuery("""
                select open_message_id, signer_id, registration_epoch_setting_id, lottery_indexes, signature, created_at
                from single_signature where open_message_id = $1 order by created_at, signer_id""").execute(Tuple.of(openMessageId)).map(rows -> {
            List<StoredSingleSignature> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new StoredSingleSignature(
                        row.getUUID(0),
                        row.getString(1),
                        row.getLong(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5)));
            }
            return out;
        });
    }

    public Uni<Long> count(UUID openMessageId) {
        return pool.preparedQuery("select count(*) from single_signature where open_message_id = $1")
                .execute(Tuple.of(openMessageId))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
