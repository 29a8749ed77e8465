package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code signed_entity}: artifacts as their detail message text plus the derived list item and
 * indexed columns (type, certificate, beacon, epoch). Newest = highest insertion sequence. Writes have a
 * variant taking the {@link SqlClient} they run on (a transaction of {@link Stores#inTransaction}).
 */
@ApplicationScoped
public class SignedEntityRepository {

    private final Pool pool;
    private final StoreChanges changes;

    SignedEntityRepository(Pool pool, StoreChanges changes) {
        this.pool = pool;
        this.changes = changes;
    }

    /** Insert or replace an artifact given as its detail message JSON. */
    public Uni<Void> save(SignedEntityKind kind, String artifactMessageJson) {
        return save(ArtifactFields.fromMessage(kind, artifactMessageJson));
    }

    /** Insert or replace (by id, or by type and beacon); a replaced artifact becomes the newest. */
    public Uni<Void> save(ArtifactFields a) {
        return save(pool, a).invoke(changes::changed);
    }

    /**
     * Insert or replace on a connection or transaction; on the pool it runs in a transaction of its own.
     * Saves of one id or one (type, beacon) are serialised by transaction-scoped advisory locks taken in a
     * fixed order, so concurrent saves all succeed and the last committed one remains (a bare delete then
     * insert fails on the unique index when two run at once). The caller's commit tells the read caches.
     */
    public Uni<Void> save(SqlClient on, ArtifactFields a) {
        if (on instanceof Pool p) return p.withTransaction(conn -> save(conn, a));
        return on.preparedQuery("""
                        select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 0) as h
                            from unnest(array[$1::text, $2::text]) as k) as keys order by h""")
                .execute(Tuple.of(
                        "signed_entity:" + a.id(), "signed_entity:" + a.kind().id() + ":" + a.beacon()))
                .chain(() -> on.preparedQuery(
                                "delete from signed_entity where signed_entity_id = $1 or (signed_entity_type_id = $2 and beacon = $3)")
                        .execute(Tuple.of(a.id(), a.kind().id(), a.beacon())))
                .chain(() -> on.preparedQuery("""
                        insert into signed_entity (signed_entity_id, signed_entity_type_id, certificate_id, beacon, epoch,
                            created_at, artifact, list_item)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""").execute(Tuple.from(new Object[] {
                    a.id(),
                    a.kind().id(),
                    a.certificateHash(),
                    a.beacon(),
                    a.epoch(),
                    a.createdAt(),
                    a.artifact(),
                    a.listItem()
                })))
                .replaceWithVoid();
    }

    /** Detail message of an artifact of the given kind. */
    public Uni<Optional<String>> findArtifact(SignedEntityKind kind, String id) {
        return pool.preparedQuery(
                        "select artifact from signed_entity where signed_entity_id = $1 and signed_entity_type_id = $2")
                .execute(Tuple.of(id, kind.id()))
                .map(CertificateRepository::firstString);
    }

    /** Detail message of the newest artifact of a kind at a beacon epoch. */
    public Uni<Optional<String>> findArtifactByEpoch(SignedEntityKind kind, long epoch) {
        return pool.preparedQuery(
                        "select artifact from signed_entity where signed_entity_type_id = $1 and epoch = $2 order by insertion_seq desc limit 1")
                .execute(Tuple.of(kind.id(), epoch))
                .map(CertificateRepository::firstString);
    }

    /** Detail message of the newest artifact of a kind. */
    public Uni<Optional<String>> findLatestArtifact(SignedEntityKind kind) {
        return pool.preparedQuery(
                        "select artifact from signed_entity where signed_entity_type_id = $1 order by insertion_seq desc limit 1")
                .execute(Tuple.of(kind.id()))
                .map(CertificateRepository::firstString);
    }

    /** List items of the newest artifacts of a kind, newest first. */
    public Uni<List<String>> latestListItems(SignedEntityKind kind, int limit) {
        return pool.preparedQuery(
                        "select list_item from signed_entity where signed_entity_type_id = $1 order by insertion_seq desc limit $2")
                .execute(Tuple.of(kind.id(), limit))
                .map(CertificateRepository::strings);
    }

    /** List items of the newest artifacts of a kind at a beacon epoch, newest first. */
    public Uni<List<String>> latestListItemsByEpoch(SignedEntityKind kind, long epoch, int limit) {
        return pool.preparedQuery(
                        "select list_item from signed_entity where signed_entity_type_id = $1 and epoch = $2 order by insertion_seq desc limit $3")
                .execute(Tuple.of(kind.id(), epoch, limit))
                .map(CertificateRepository::strings);
    }
}
