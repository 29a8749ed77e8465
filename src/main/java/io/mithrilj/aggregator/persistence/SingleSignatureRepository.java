package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Table {@code single_signature}: upstream's single signatures collected on an open message. Each method also
 * comes taking the {@link SqlClient} it runs on (a transaction of {@link Stores}).
 */
@ApplicationScoped
public class SingleSignatureRepository {

    /** One row; {@code lotteryIndexes} is a JSON array text, {@code signature} the json-hex signature. */
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

    private static final String INSERT = """
            insert into single_signature (open_message_id, signer_id, registration_epoch_setting_id,
                lottery_indexes, signature, created_at)
            """;
    /** Upstream's insert or replace: a replaced signature becomes the newest. */
    private static final String REPLACE = """
            on conflict (open_message_id, signer_id, registration_epoch_setting_id) do update
            set lottery_indexes = excluded.lottery_indexes, signature = excluded.signature,
                created_at = excluded.created_at, insertion_seq = nextval('insertion_sequence')""";

    private static Tuple tuple(StoredSingleSignature s) {
        return Tuple.of(
                s.openMessageId(),
                s.signerId(),
                s.registrationEpoch(),
                s.lotteryIndexes(),
                s.signature(),
                s.createdAt());
    }

    /** Insert or replace on (open message, signer, registration epoch); a replaced one becomes the newest. */
    public Uni<Void> save(StoredSingleSignature s) {
        return save(pool, s);
    }

    public Uni<Void> save(SqlClient on, StoredSingleSignature s) {
        return on.preparedQuery(INSERT + "values ($1, $2, $3, $4, $5, $6)\n" + REPLACE)
                .execute(tuple(s))
                .replaceWithVoid();
    }

    /**
     * Insert or replace, only while its open message exists and is neither certified nor expired (checked by the
     * insert itself, so that no signature lands in an open message certified a moment before); whether it was
     * stored.
     */
    public Uni<Boolean> saveIfOpen(StoredSingleSignature s) {
        return pool.preparedQuery(INSERT + """
                        select $1, $2, $3, $4, $5, $6 where exists (select 1 from open_message
                            where open_message_id = $1 and not is_certified and not is_expired)
                        """ + REPLACE).execute(tuple(s)).map(rows -> rows.rowCount() > 0);
    }

    /**
     * {@link #saveIfOpen} for several signatures in one statement (one commit); the signatures stored, as {@link
     * #key}s. Two signatures with one key in the list fail the statement, as does one a foreign key refuses.
     */
    public Uni<Set<String>> saveAllIfOpen(List<StoredSingleSignature> rows) {
        int n = rows.size();
        UUID[] openMessages = new UUID[n];
        String[] signers = new String[n];
        Long[] epochs = new Long[n];
        String[] indexes = new String[n];
        String[] signatures = new String[n];
        String[] createdAt = new String[n];
        for (int i = 0; i < n; i++) {
            StoredSingleSignature s = rows.get(i);
            openMessages[i] = s.openMessageId();
            signers[i] = s.signerId();
            epochs[i] = s.registrationEpoch();
            indexes[i] = s.lotteryIndexes();
            signatures[i] = s.signature();
            createdAt[i] = s.createdAt();
        }
        return pool.preparedQuery(INSERT + """
                select u.o, u.s, u.r, u.l, u.g, u.c
                from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])
                    with ordinality as u(o, s, r, l, g, c, n)
                where exists (select 1 from open_message m
                    where m.open_message_id = u.o and not m.is_certified and not m.is_expired)
                order by u.n
                """ + REPLACE + """
                 returning open_message_id, signer_id, registration_epoch_setting_id""")
                .execute(Tuple.of(openMessages, signers, epochs, indexes, signatures, createdAt))
                .map(result -> {
                    Set<String> stored = new HashSet<>();
                    result.forEach(r -> stored.add(key(r.getUUID(0), r.getString(1), r.getLong(2))));
                    return stored;
                });
    }

    /** The identity of a stored single signature. */
    public static String key(UUID openMessageId, String signerId, long registrationEpoch) {
        return openMessageId + "/" + signerId + "/" + registrationEpoch;
    }

    /** The identity of a stored single signature. */
    public static String key(StoredSingleSignature s) {
        return key(s.openMessageId(), s.signerId(), s.registrationEpoch());
    }

    /** The signatures of an open message, in insertion order. */
    public Uni<List<StoredSingleSignature>> forOpenMessage(UUID openMessageId) {
        return forOpenMessage(pool, openMessageId);
    }

    public Uni<List<StoredSingleSignature>> forOpenMessage(SqlClient on, UUID openMessageId) {
        return on.preparedQuery("""
                        select open_message_id, signer_id, registration_epoch_setting_id, lottery_indexes, signature,
                            created_at
                        from single_signature where open_message_id = $1 order by insertion_seq""").execute(Tuple.of(openMessageId)).map(rows -> {
            List<StoredSingleSignature> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(new StoredSingleSignature(
                    r.getUUID(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5))));
            return out;
        });
    }

    public Uni<Long> count(UUID openMessageId) {
        return count(pool, openMessageId);
    }

    public Uni<Long> count(SqlClient on, UUID openMessageId) {
        return on.preparedQuery("select count(*) from single_signature where open_message_id = $1")
                .execute(Tuple.of(openMessageId))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
