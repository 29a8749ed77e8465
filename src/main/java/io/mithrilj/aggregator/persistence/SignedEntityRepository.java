package io.mithrilj.aggregator.persistence;

import io.mithrilj.aggregator.protocol.json.SignedEntityKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlResult;
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

    /** The stored artifact with its part, if any, put back in place of the marker. */
    private static final String ARTIFACT = "case when se.artifact_part_id is null then se.artifact"
            + " else replace(se.artifact, '" + ArtifactPart.MARKER + "', p.content) end";

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
                .chain(() -> a.part() == null || a.part().content() == null
                        ? Uni.createFrom().voidItem()
                        : savePart(on, a.part()))
                .chain(() -> on.preparedQuery("""
                        insert into signed_entity (signed_entity_id, signed_entity_type_id, certificate_id, beacon, epoch,
                            created_at, artifact, list_item, artifact_part_id)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""").execute(Tuple.from(new Object[] {
                    a.id(),
                    a.kind().id(),
                    a.certificateHash(),
                    a.beacon(),
                    a.epoch(),
                    a.createdAt(),
                    a.artifact(),
                    a.listItem(),
                    a.part() == null ? null : a.part().id()
                })))
                .replaceWithVoid();
    }

    /** Store a part ahead of its artifact (nothing when a part of that id is stored). */
    public Uni<Void> savePart(ArtifactPart part) {
        return savePart(pool, part);
    }

    private static Uni<Void> savePart(SqlClient on, ArtifactPart part) {
        if (part.content() == null) throw new IllegalArgumentException("artifact part " + part.id() + ": no content");
        return on.preparedQuery("""
                        insert into artifact_part (artifact_part_id, epoch, content) values ($1, $2, $3)
                        on conflict (artifact_part_id) do nothing""")
                .execute(Tuple.of(part.id(), part.epoch(), part.content()))
                .replaceWithVoid();
    }

    /** Whether a part is stored. */
    public Uni<Boolean> hasPart(String id) {
        return pool.preparedQuery("select 1 from artifact_part where artifact_part_id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() > 0);
    }

    /** Delete the parts of epochs before {@code epoch} that no artifact refers to; the number deleted. */
    public Uni<Integer> deleteUnreferencedPartsBefore(long epoch) {
        return pool.preparedQuery("""
                        delete from artifact_part p where p.epoch < $1
                            and not exists (select 1 from signed_entity se where se.artifact_part_id = p.artifact_part_id)""").execute(Tuple.of(epoch)).map(SqlResult::rowCount);
    }

    /** Detail message of an artifact of the given kind. */
    public Uni<Optional<String>> findArtifact(SignedEntityKind kind, String id) {
        return pool.preparedQuery(
                        "select " + ARTIFACT
                                + " from signed_entity se left join artifact_part p using (artifact_part_id) where se.signed_entity_id = $1 and se.signed_entity_type_id = $2")
                .execute(Tuple.of(id, kind.id()))
                .map(CertificateRepository::firstString);
    }

    /** Detail message of the newest artifact of a kind at a beacon epoch. */
    public Uni<Optional<String>> findArtifactByEpoch(SignedEntityKind kind, long epoch) {
        return pool.preparedQuery(
                        "select " + ARTIFACT
                                + " from signed_entity se left join artifact_part p using (artifact_part_id) where se.signed_entity_type_id = $1 and se.epoch = $2 order by se.insertion_seq desc limit 1")
                .execute(Tuple.of(kind.id(), epoch))
                .map(CertificateRepository::firstString);
    }

    /** Detail message of the newest artifact of a kind. */
    public Uni<Optional<String>> findLatestArtifact(SignedEntityKind kind) {
        return pool.preparedQuery(
                        "select " + ARTIFACT
                                + " from signed_entity se left join artifact_part p using (artifact_part_id) where se.signed_entity_type_id = $1 order by se.insertion_seq desc limit 1")
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
