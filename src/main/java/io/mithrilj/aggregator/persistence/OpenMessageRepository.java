package io.mithrilj.aggregator.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Table {@code open_message} (upstream's open message repository): the protocol message being signed per signed
 * entity type and beacon. Each method also comes taking the {@link SqlClient} it runs on.
 */
@ApplicationScoped
public class OpenMessageRepository {

    /**
     * One row; {@code epoch} is the {@code epoch_setting_id} (the epoch it is signed at), {@code beacon} and {@code
     * protocolMessage} JSON texts as stored, {@code expiresAt} nullable.
     */
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

    private static final String COLUMNS = "open_message_id, epoch_setting_id, signed_entity_type_id, beacon,"
            + " protocol_message, is_certified, is_expired, created_at, expires_at";

    private final Pool pool;

    OpenMessageRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts a new open message; fails when one exists for the same type and beacon (unique key). */
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
                .replaceWithVoid();
    }

    public Uni<Optional<StoredOpenMessage>> find(int signedEntityTypeId, String beacon) {
        return find(pool, signedEntityTypeId, beacon);
    }

    public Uni<Optional<StoredOpenMessage>> find(SqlClient on, int signedEntityTypeId, String beacon) {
        return on.preparedQuery(
                        "select " + COLUMNS + " from open_message where signed_entity_type_id = $1 and beacon = $2")
                .execute(Tuple.of(signedEntityTypeId, beacon))
                .map(OpenMessageRepository::first);
    }

    public Uni<Optional<StoredOpenMessage>> findById(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from open_message where open_message_id = $1")
                .execute(Tuple.of(id))
                .map(OpenMessageRepository::first);
    }

    public Uni<Void> markCertified(UUID id) {
        return markCertified(pool, id);
    }

    public Uni<Void> markCertified(SqlClient on, UUID id) {
        return on.preparedQuery("update open_message set is_certified = true where open_message_id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /**
     * Upstream {@code mark_open_message_if_expired}: the open message of this type and beacon becomes expired when its
     * {@code expires_at} is before {@code now} (RFC 3339 text comparison, as upstream), certified or not. Returns the
     * row after the update, if it exists.
     */
    public Uni<Optional<StoredOpenMessage>> markExpiredIfTimedOut(int signedEntityTypeId, String beacon, String now) {
        return pool.preparedQuery("update open_message set is_expired = true where signed_entity_type_id = $1"
                        + " and beacon = $2 and expires_at is not null and expires_at < $3")
                .execute(Tuple.of(signedEntityTypeId, beacon, now))
                .chain(() -> find(signedEntityTypeId, beacon));
    }

    /** Deletes the open messages of epochs before {@code epoch}; their single signatures go with them (cascade). */
    public Uni<Integer> deleteBeforeEpoch(long epoch) {
        return pool.preparedQuery("delete from open_message where epoch_setting_id < $1")
                .execute(Tuple.of(epoch))
                .map(RowSet::rowCount);
    }

    /** The open messages of an epoch, oldest first. */
    public Uni<List<StoredOpenMessage>> latestOfEpoch(long epoch) {
        return pool.preparedQuery("select " + COLUMNS
                        + " from open_message where epoch_setting_id = $1 order by created_at, signed_entity_type_id")
                .execute(Tuple.of(epoch))
                .map(rows -> {
                    List<StoredOpenMessage> out = new ArrayList<>();
                    for (Row row : rows) out.add(map(row));
                    return out;
                });
    }

    private static Optional<StoredOpenMessage> first(RowSet<Row> rows) {
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(map(rows.iterator().next()));
    }

    private static StoredOpenMessage map(Row row) {
        return new StoredOpenMessage(
                row.getUUID(0),
                row.getLong(1),
                row.getInteger(2),
                row.getString(3),
                row.getString(4),
                row.getBoolean(5),
                row.getBoolean(6),
                row.getString(7),
                row.getString(8));
    }
}
