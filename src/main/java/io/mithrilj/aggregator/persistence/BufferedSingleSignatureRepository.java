package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Table {@code buffered_single_signature}: upstream's buffered single signatures, received before their open
 * message exists. Each method also comes taking the {@link SqlClient} it runs on (a transaction of {@link Stores}).
 */
@ApplicationScoped
public class BufferedSingleSignatureRepository {

    /** One row; {@code lotteryIndexes} is a JSON array text, {@code signature} the json-hex signature. */
    public record BufferedSignature(
            int signedEntityTypeId, String partyId, String lotteryIndexes, String signature, String createdAt) {}

    private final Pool pool;

    BufferedSingleSignatureRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert or replace on (type, party); a replaced one becomes the newest, as with upstream's ROWID. */
    public Uni<Void> save(BufferedSignature s) {
        return save(pool, s);
    }

    public Uni<Void> save(SqlClient on, BufferedSignature s) {
        return on.preparedQuery("""
                insert into buffered_single_signature (signed_entity_type_id, party_id, lottery_indexes, signature,
                    created_at)
                values ($1, $2, $3, $4, $5) on conflict (signed_entity_type_id, party_id) do update
                set lottery_indexes = excluded.lottery_indexes, signature = excluded.signature,
                    created_at = excluded.created_at, insertion_seq = nextval('insertion_sequence')""")
                .execute(
                        Tuple.of(s.signedEntityTypeId(), s.partyId(), s.lotteryIndexes(), s.signature(), s.createdAt()))
                .replaceWithVoid();
    }

    /** The buffered signatures of a signed entity type, in the order they were stored. */
    public Uni<List<BufferedSignature>> forType(int typeId) {
        return forType(pool, typeId);
    }

    public Uni<List<BufferedSignature>> forType(SqlClient on, int typeId) {
        return on.preparedQuery("""
                        select signed_entity_type_id, party_id, lottery_indexes, signature, created_at
                        from buffered_single_signature where signed_entity_type_id = $1 order by insertion_seq""").execute(Tuple.of(typeId)).map(rows -> {
            List<BufferedSignature> out = new ArrayList<>(rows.size());
            rows.forEach(r -> out.add(new BufferedSignature(
                    r.getInteger(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4))));
            return out;
        });
    }

    public Uni<Integer> delete(int typeId, String partyId) {
        return delete(pool, typeId, partyId);
    }

    public Uni<Integer> delete(SqlClient on, int typeId, String partyId) {
        return on.preparedQuery(
                        "delete from buffered_single_signature where signed_entity_type_id = $1 and party_id = $2")
                .execute(Tuple.of(typeId, partyId))
                .map(RowSet::rowCount);
    }

    public Uni<Integer> deleteAll(int typeId, Collection<String> partyIds) {
        return deleteAll(pool, typeId, partyIds);
    }

    public Uni<Integer> deleteAll(SqlClient on, int typeId, Collection<String> partyIds) {
        return on.preparedQuery(
                        "delete from buffered_single_signature where signed_entity_type_id = $1 and party_id = any($2)")
                .execute(Tuple.of(typeId, partyIds.toArray(String[]::new)))
                .map(RowSet::rowCount);
    }
}
