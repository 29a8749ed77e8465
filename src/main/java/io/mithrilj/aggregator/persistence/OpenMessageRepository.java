package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code open_message}: upstream's open messages, one per (signed entity type, beacon), collecting single
 * signatures until certified or expired. Each method also comes taking the {@link SqlClient} it runs on (a
 * transaction of {@link Stores}).
 */
@ApplicationScoped
public class OpenMessageRepository {

    /** One row; {@code beacon} and {@code protocolMessage} are JSON texts as stored, {@code expiresAt} may be null. */
    public record StoredOpenMessage(
            UUID id,
            long epoch,
            int signedEntityTypeId,
            String beacon,
            String protocolMessage,
            boolean certified,
            boolean expired,
            String createdAt,
            String expiresAt) {}

    /** An open message already exists for this signed entity type and beacon. */
    public static final class OpenMessageAlreadyExists extends RuntimeException {
        OpenMessageAlreadyExists(int typeId, String beacon, Throwable cause) {
            super("an open message already exists for signed entity type " + typeId + " and beacon " + beacon, cause);
        }
    }

    private static final String COLUMNS = "open_message_id, epoch_setting_id, signed_entity_type_id, beacon,"
            + " protocol_message, is_certified, is_expired, created_at, expires_at";

    private final Pool pool;

    OpenMessageRepository(Pool pool) {
        this.pool = pool;
    }

    /** Insert a new open message; fails with {@link OpenMessageAlreadyExists} if its (type, beacon) is taken. */
    public Uni<Void> insert(StoredOpenMessage m) {
        return insert(pool, m);
    }

    public Uni<Void> insert(SqlClient on, StoredOpenMessage m) {
        return on.preparedQuery(
                        "insert into open_message (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.from(new Object[] {
                    m.id(),
                    m.epoch(),
                    m.signedEntityTypeId(),
                    m.beacon(),
                    m.protocolMessage(),
                    m.certified(),
                    m.expired(),
                    m.createdAt(),
                    m.expiresAt()
                }))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new OpenMessageAlreadyExists(m.signedEntityTypeId(), m.beacon(), e))
                .replaceWithVoid();
    }

    /**
     * Upstream's {@code insert or replace into open_message}: the open message of the same (type, beacon), if any,
     * goes (its single signatures with it, by cascade) and {@code m} is inserted, newest in the insertion order. Two
     * statements: run it in a transaction of {@link Stores#inTransaction} to make it atomic.
     */
    public Uni<Void> insertOrReplace(SqlClient on, StoredOpenMessage m) {
        return on.preparedQuery("delete from open_message where signed_entity_type_id = $1 and beacon = $2")
                .execute(Tuple.of(m.signedEntityTypeId(), m.beacon()))
                .chain(() -> insert(on, m));
    }

    public Uni<Optional<StoredOpenMessage>> find(int typeId, String beacon) {
        return find(pool, typeId, beacon);
    }

    public Uni<Optional<StoredOpenMessage>> find(SqlClient on, int typeId, String beacon) {
        return on.preparedQuery(
                        "select " + COLUMNS + " from open_message where signed_entity_type_id = $1 and beacon = $2")
                .execute(Tuple.of(typeId, beacon))
                .map(OpenMessageRepository::first);
    }

    public Uni<Optional<StoredOpenMessage>> findById(UUID id) {
        return findById(pool, id);
    }

    public Uni<Optional<StoredOpenMessage>> findById(SqlClient on, UUID id) {
        return on.preparedQuery("select " + COLUMNS + " from open_message where open_message_id = $1")
                .execute(Tuple.of(id))
                .map(OpenMessageRepository::first);
    }

    /** Mark an open message certified; returns whether this call did (false: certified already, or no such row). */
    public Uni<Boolean> markCertified(UUID id) {
        return markCertified(pool, id);
    }

    public Uni<Boolean> markCertified(SqlClient on, UUID id) {
        // only an open message not certified yet: the certifier relies on it to never certify one twice
        return on.preparedQuery(
                        "update open_message set is_certified = true where open_message_id = $1 and not is_certified")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Expire the open message of (type, beacon) if its {@code expires_at} is before {@code nowRfc3339} (compared as
     * text, as upstream does), certified or not; returns the row after the update, if there is one.
     */
    public Uni<Optional<StoredOpenMessage>> markExpiredIfTimedOut(int typeId, String beacon, String nowRfc3339) {
        return markExpiredIfTimedOut(pool, typeId, beacon, nowRfc3339);
    }

    public Uni<Optional<StoredOpenMessage>> markExpiredIfTimedOut(
            SqlClient on, int typeId, String beacon, String nowRfc3339) {
        // collation "C": byte-wise like SQLite's text comparison, whatever the database's locale
        return on.preparedQuery("update open_message set is_expired = true"
                        + " where signed_entity_type_id = $1 and beacon = $2"
                        + " and expires_at is not null and expires_at collate \"C\" < $3 collate \"C\"")
                .execute(Tuple.of(typeId, beacon, nowRfc3339))
                .chain(() -> find(on, typeId, beacon));
    }

    /** Delete the open messages of epochs before {@code epoch}; their single signatures go by cascade. */
    public Uni<Integer> deleteBeforeEpoch(long epoch) {
        return deleteBeforeEpoch(pool, epoch);
    }

    public Uni<Integer> deleteBeforeEpoch(SqlClient on, long epoch) {
        return on.preparedQuery("delete from open_message where epoch_setting_id < $1")
                .execute(Tuple.of(epoch))
                .map(RowSet::rowCount);
    }

    /** All open messages of an epoch, in creation order. */
    public Uni<List<StoredOpenMessage>> latestOfEpoch(long epoch) {
        return latestOfEpoch(pool, epoch);
    }

    public Uni<List<StoredOpenMessage>> latestOfEpoch(SqlClient on, long epoch) {
        return on.preparedQuery(
                        "select " + COLUMNS + " from open_message where epoch_setting_id = $1 order by insertion_seq")
                .execute(Tuple.of(epoch))
                .map(rows -> {
                    List<StoredOpenMessage> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    private static Optional<StoredOpenMessage> first(RowSet<Row> rows) {
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(map(rows.iterator().next()));
    }

    private static StoredOpenMessage map(Row r) {
        return new StoredOpenMessage(
                r.getUUID(0),
                r.getLong(1),
                r.getInteger(2),
                r.getString(3),
                r.getString(4),
                r.getBoolean(5),
                r.getBoolean(6),
                r.getString(7),
                r.getString(8));
    }
}
