package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Table {@code buffered_single_signature} (upstream's buffered single signature repository): authenticated
 * signatures that arrived before their open message, one per signed entity type and party.
 */
@ApplicationScoped
public class BufferedSingleSignatureRepository {

    /** One row: lottery indexes as a JSON array text, signature json-hex. */
    public record BufferedSignature(
            int signedEntityTypeId, String partyId, String lotteryIndexes, String signature, String createdAt) {}

    private final Pool pool;

    BufferedSingleSignatureRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert or replace: the newest signature of a party for a type wins. */
    public Uni<Void> save(BufferedSignature s) {
        return pool.preparedQuery("""
                insert into buffered_single_signature (signed_entity_type_id, party_id, lottery_indexes, signature, created_at)
                values ($1, $2, $3, $4, $5) on conflict (signed_entity_type_id, party_id) do update
                set lottery_indexes = excluded.lottery_indexes, signature = excluded.signature,
                    created_at = excluded.created_at""")
                .execute(
                        Tuple.of(s.signedEntityTypeId(), s.partyId(), s.lotteryIndexes(), s.signature(), s.createdAt()))
                .replaceWithVoid();
    }

    /** The buffered signatures of a type, oldest first. */
    public Uni<List<BufferedSignature>> forType(int signedEntityTypeId) {
        return pool.preparedQuery("""
                select signed_entity_type_id, party_id, lottery_indexes, signature, created_at
                from buffered_single_signature where signed_entity_type_id = $1 order by created_at, party_id""").execute(Tuple.of(signedEntityTypeId)).map(rows -> {
            List<BufferedSignature> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new BufferedSignature(
                        row.getInteger(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
            }
            return out;
        });
    }

    public Uni<Void> deleteAll(int signedEntityTypeId, Collection<String> partyIds) {
        return pool.preparedQuery(
                        "delete from buffered_single_signature where signed_entity_type_id = $1 and party_id = any($2)")
                .execute(Tuple.of(signedEntityTypeId, partyIds.toArray(String[]::new)))
                .replaceWithVoid();
    }
}
