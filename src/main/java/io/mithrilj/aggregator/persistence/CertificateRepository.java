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

/**
 * Table {@code certificate}: the certificate message text plus indexed columns. "Latest" means highest
 * insertion sequence, which {@link #save} refreshes on replace (upstream's {@code insert or replace} on
 * ROWID). Each method has a variant taking the {@link SqlClient} it runs on (a transaction of
 * {@link Stores#inTransaction}); the others run on the pool.
 */
@ApplicationScoped
public class CertificateRepository {

    private final Pool pool;
    private final StoreChanges changes;

    CertificateRepository(Pool pool, StoreChanges changes) {
        this.pool = pool;
        this.changes = changes;
    }

    /** Insert or replace a certificate given as its message JSON (the text is kept, compacted). */
    public Uni<Void> save(String certificateMessageJson) {
        return save(CertificateFields.fromMessage(certificateMessageJson));
    }

    /** Insert or replace; a replaced certificate becomes the newest. */
    public Uni<Void> save(CertificateFields c) {
        return save(pool, c).invoke(changes::changed);
    }

    /**
     * Insert or replace on a connection or transaction (one statement: concurrent saves of one certificate
     * all succeed, the last committed wins). The caller's commit tells the read caches ({@link Stores}).
     */
    public Uni<Void> save(SqlClient on, CertificateFields c) {
        return on.preparedQuery("""
                insert into certificate (certificate_id, parent_certificate_id, epoch, signed_entity_type_id,
                    signed_entity_beacon, is_genesis, sealed_at, sealed_at_nanos, message, list_item)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                on conflict (certificate_id) do update set parent_certificate_id = excluded.parent_certificate_id,
                    epoch = excluded.epoch, signed_entity_type_id = excluded.signed_entity_type_id,
                    signed_entity_beacon = excluded.signed_entity_beacon, is_genesis = excluded.is_genesis,
                    sealed_at = excluded.sealed_at, sealed_at_nanos = excluded.sealed_at_nanos,
                    message = excluded.message, list_item = excluded.list_item,
                    insertion_seq = nextval('insertion_sequence')""")
                .execute(Tuple.from(new Object[] {
                    c.hash(),
                    c.genesis() || c.previousHash().isEmpty() ? null : c.previousHash(),
                    c.epoch(),
                    c.signedEntityTypeId(),
                    c.signedEntityBeacon(),
                    c.genesis(),
                    c.sealedAt(),
                    c.sealedAtNanos(),
                    c.message(),
                    c.listItem()
                }))
                .replaceWithVoid();
    }

    /** The message of a certificate. */
    public Uni<Optional<String>> findMessage(String hash) {
        return findMessage(pool, hash);
    }

    public Uni<Optional<String>> findMessage(SqlClient on, String hash) {
        return on.preparedQuery("select message from certificate where certificate_id = $1")
                .execute(Tuple.of(hash))
                .map(CertificateRepository::firstString);
    }

    /** The message of the most recently stored genesis certificate. */
    public Uni<Optional<String>> findLatestGenesisMessage() {
        return pool.query("select message from certificate where is_genesis order by insertion_seq desc limit 1")
                .execute()
                .map(CertificateRepository::firstString);
    }

    /** List items of the {@code limit} most recently stored certificates, newest first. */
    public Uni<List<String>> latestListItems(int limit) {
        return pool.preparedQuery("select list_item from certificate order by insertion_seq desc limit $1")
                .execute(Tuple.of(limit))
                .map(CertificateRepository::strings);
    }

    /** Epoch of the most recently stored certificate. */
    public Uni<Optional<Long>> latestEpoch() {
        return pool.query("select epoch from certificate order by insertion_seq desc limit 1")
                .execute()
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong(0)));
    }

    static Optional<String> firstString(RowSet<Row> rows) {
        return rows.size() == 0
                ? Optional.empty()
                : Optional.ofNullable(rows.iterator().next().getString(0));
    }

    static List<String> strings(RowSet<Row> rows) {
        List<String> out = new ArrayList<>(rows.size());
        for (Row row : rows) out.add(row.getString(0));
        return out;
    }

    /** The message of the most recently stored certificate. */
    public Uni<Optional<String>> latestMessage() {
        return pool.query("select message from certificate order by insertion_seq desc limit 1")
                .execute()
                .map(CertificateRepository::firstString);
    }

    /**
     * The master certificate of an epoch (certificates.md §6.1, upstream {@code MasterCertificateQuery}): among the
     * certificates of epochs {@code epoch − 1} and {@code epoch} that are a genesis or whose parent is of another
     * epoch, the most recently stored.
     */
    public Uni<Optional<String>> masterCertificateMessage(long epoch) {
        return pool.preparedQuery("""
                select c.message from certificate c left join certificate p on p.certificate_id = c.parent_certificate_id
                where c.epoch between $1 and $2 and (c.is_genesis or p.epoch is null or p.epoch <> c.epoch)
                order by c.insertion_seq desc limit 1""")
                .execute(Tuple.of(Math.max(0, epoch - 1), epoch))
                .map(CertificateRepository::firstString);
    }

    /**
     * The message of the newest certificate of a signed entity type when it still has no artifact and was made here
     * (its open message is stored and certified: a certificate mirrored from a leader has none); else empty.
     */
    public Uni<Optional<String>> latestWithoutArtifact(int signedEntityTypeId) {
        return pool.preparedQuery("""
                select c.message from certificate c
                join open_message o on o.signed_entity_type_id = c.signed_entity_type_id
                    and o.beacon = c.signed_entity_beacon and o.is_certified
                where c.certificate_id = (select certificate_id from certificate
                        where signed_entity_type_id = $1 and not is_genesis order by insertion_seq desc limit 1)
                    and not exists (select 1 from signed_entity s where s.certificate_id = c.certificate_id)""").execute(Tuple.of(signedEntityTypeId)).map(CertificateRepository::firstString);
    }

    public Uni<Long> count() {
        return pool.query("select count(*) from certificate")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
